import { useRef } from 'react';
import { templateLimits, type TemplateFormat, type TemplateProblem } from '../../../../shared/schemas/template';
import { Field } from '../../components/Field';
import { SelectField } from '../../components/SelectField';
import { InsertFieldMenu } from './InsertFieldMenu';
import { ProblemList } from './ProblemList';
import type { TemplateDraft } from './useTemplateDraft';

const formatOptions: ReadonlyArray<{ value: TemplateFormat; label: string }> = [
  { value: 'text', label: 'Plain text' },
  { value: 'formatted', label: 'Formatted (bold, italic, links, lists)' },
];

interface TemplateEditorProps {
  draft: TemplateDraft;
  problems: readonly TemplateProblem[];
  checkFailure: string | undefined;
  nameError: string | undefined;
  onChange: (changes: Partial<TemplateDraft>) => void;
}

/** Name, subject, format and body of a template, an "Insert field" menu, and its problems listed live under it. */
export function TemplateEditor({ draft, problems, checkFailure, nameError, onChange }: TemplateEditorProps) {
  const subjectRef = useRef<HTMLInputElement>(null);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  // The field a menu pick goes into: the one the cursor was in last (the body until the subject is used).
  const target = useRef<'subject' | 'body'>('body');

  function insert(key: string) {
    const part = target.current;
    const control = part === 'subject' ? subjectRef.current : bodyRef.current;
    const text = draft[part];
    const start = control?.selectionStart ?? text.length;
    const end = control?.selectionEnd ?? text.length;
    const field = `{{${key}}}`;
    onChange({ [part]: text.slice(0, start) + field + text.slice(end) });
    // Back to where the user was writing, just after the field.
    requestAnimationFrame(() => {
      control?.focus();
      control?.setSelectionRange(start + field.length, start + field.length);
    });
  }

  return (
    <div className="template-editor">
      <Field
        id="template-name"
        label="Template name"
        value={draft.name}
        limit={templateLimits.name}
        error={nameError}
        autoComplete="off"
        onChange={(event) => onChange({ name: event.target.value })}
      />
      <Field
        id="template-subject"
        label="Subject"
        value={draft.subject}
        limit={templateLimits.subject}
        inputRef={subjectRef}
        autoComplete="off"
        onFocus={() => (target.current = 'subject')}
        onChange={(event) => onChange({ subject: event.target.value })}
      />
      <div className="template-editor__row">
        <SelectField
          id="template-format"
          label="Format"
          value={draft.format}
          options={formatOptions}
          onChange={(value) => onChange({ format: value as TemplateFormat })}
        />
        <InsertFieldMenu id="template-insert-field" onInsert={insert} />
      </div>
      <div className="template-editor__body">
        <Field
          id="template-body"
          label="Message"
          multiline
          rows={12}
          value={draft.body}
          limit={templateLimits.body}
          inputRef={bodyRef}
          hint={
            draft.format === 'formatted'
              ? 'Write **bold**, *italic*, [a link](https://…), and lists starting with "- ". Fields: {{first_name}}, or {{first_name | "there"}} for when it is empty.'
              : 'Fields: {{first_name}}, or {{first_name | "there"}} for when it is empty.'
          }
          onFocus={() => (target.current = 'body')}
          onChange={(event) => onChange({ body: event.target.value })}
        />
      </div>
      <ProblemList id="template-problems" problems={problems} failure={checkFailure} />
    </div>
  );
}
