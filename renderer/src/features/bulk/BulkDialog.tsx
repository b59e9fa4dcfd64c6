import { useEffect, useId, useState, type FormEvent } from 'react';
import type { BulkAction, BulkResult } from '../../../../shared/schemas/bulk';
import type { Tag } from '../../../../shared/schemas/tag';
import { invoke, toCrmError } from '../../api';
import { ErrorBanner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { SelectField } from '../../components/SelectField';
import { countOf } from '../../lib/format';
import { applyBulk, isListChanged, tagNamed, typedValue, type Selected } from './bulkChange';
import { bulkFieldsOf, type BulkField } from './bulkFields';
import type { BulkTarget } from './bulkTarget';
import { useSubmitOnce } from '../../lib/useSubmitOnce';

export type BulkMode = 'set' | 'addTag' | 'removeTag' | 'delete';

interface BulkDialogProps {
  target: BulkTarget;
  /** The rows as the user saw them when asking: the number this dialog says is the number acted on. */
  selected: Selected;
  mode: BulkMode;
  onApplied: (result: BulkResult, mode: BulkMode) => void;
  /** The core found the list changed since the selection and refused: reload it. */
  onListChanged: () => void;
  onCancel: () => void;
}

const titles: Record<BulkMode, string> = {
  set: 'Change a field',
  addTag: 'Add a tag',
  removeTag: 'Remove a tag',
  delete: 'Move to the trash',
};

/** One bulk change, asked for in a dialog and applied to every selected record in one transaction. */
export function BulkDialog({ target, selected, mode, onApplied, onListChanged, onCancel }: BulkDialogProps) {
  const formId = useId();
  const [fields, setFields] = useState<BulkField[] | null>(null);
  const [tags, setTags] = useState<Tag[]>([]);
  const [fieldName, setFieldName] = useState('');
  const [value, setValue] = useState('');
  const [tagName, setTagName] = useState('');
  const [people, setPeople] = useState<'detach' | 'trash'>('detach');
  // A consent change: how many of the selected opted out, and whether to change them too (never unless asked).
  const [optedOut, setOptedOut] = useState<number | null>(null);
  const [overwriteOptOuts, setOverwriteOptOuts] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const submitting = useSubmitOnce();
  const busy = submitting.running;
  // Refused because the list changed: this dialog's number is stale, so it cannot be applied again.
  const [stale, setStale] = useState(false);
  const records = countOf(selected.count, target.singular, target.plural);

  useEffect(() => {
    if (mode === 'set') {
      bulkFieldsOf(target.kind).then(
        (found) => {
          setFields(found);
          setFieldName(found[0]?.field ?? '');
        },
        (error: unknown) => setProblem(toCrmError(error).message),
      );
    } else if (mode === 'addTag' || mode === 'removeTag') {
      invoke('tags.list', {}).then(
        (list) => setTags(list.tags),
        (error: unknown) => setProblem(toCrmError(error).message),
      );
    }
  }, [mode, target.kind]);

  const field = fields?.find((candidate) => candidate.field === fieldName);
  const settingConsent = mode === 'set' && fieldName === 'consent';

  useEffect(() => {
    if (!settingConsent || optedOut !== null) return;
    invoke('consent.optedOut', selected.rows).then(
      (counted) => setOptedOut(counted.optedOut),
      (error: unknown) => setProblem(toCrmError(error).message),
    );
  }, [settingConsent, optedOut, selected.rows]);

  async function actionFor(): Promise<BulkAction | string> {
    if (mode === 'delete') return target.kind === 'company' ? { type: 'delete', contacts: people } : { type: 'delete' };
    if (mode === 'set') {
      if (!field) return 'Choose a field to change.';
      const typed = typedValue(field, value);
      if (!typed.ok) return typed.message;
      if (field.field === 'consent' && typed.value === null) return 'Choose the consent to set.';
      return {
        type: 'set',
        field: field.field,
        value: typed.value,
        ...(field.field === 'consent' ? { overwriteOptOuts } : {}),
      };
    }
    if (tagName.trim() === '') return 'Type or choose a tag.';
    const tagId = await tagNamed(tagName, mode === 'addTag');
    if (tagId === null) return `No tag is called “${tagName.trim()}”.`;
    return mode === 'addTag' ? { type: 'addTag', tagId } : { type: 'removeTag', tagId };
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!submitting.begin()) return;
    setProblem(null);
    try {
      const action = await actionFor();
      if (typeof action === 'string') {
        setProblem(action);
        return;
      }
      onApplied(await applyBulk(target.kind, selected, action), mode);
    } catch (thrown) {
      const error = toCrmError(thrown);
      setProblem(error.fields[0]?.message ?? error.message);
      if (isListChanged(error.fields)) {
        setStale(true);
        onListChanged();
      }
    } finally {
      submitting.end();
    }
  }

  const description =
    mode === 'delete'
      ? `The ${records} go to the trash together; one Undo brings them all back.`
      : `The change applies to ${records} at once, and one Undo takes it back.`;

  return (
    <Dialog title={titles[mode]} description={description} onCancel={onCancel} size="medium">
      <form id={formId} className="bulk-dialog" onSubmit={(event) => void submit(event)} noValidate>
        {problem && <ErrorBanner title="Nothing was changed">{problem}</ErrorBanner>}
        {mode === 'set' && fields && (
          <>
            <SelectField
              id={`${formId}-field`}
              label="Field"
              value={fieldName}
              onChange={(chosen) => {
                setFieldName(chosen);
                setValue('');
              }}
              options={fields.map((candidate) => ({ value: candidate.field, label: candidate.label }))}
            />
            {field?.input.type === 'choice' ? (
              <SelectField
                id={`${formId}-value`}
                label="New value"
                value={value}
                onChange={setValue}
                options={[
                  { value: '', label: '(empty)' },
                  ...field.input.choices.map((choice) => ({ value: String(choice.value), label: choice.label })),
                ]}
              />
            ) : (
              field && (
                <Field
                  id={`${formId}-value`}
                  label="New value"
                  type={field.input.type === 'date' ? 'date' : 'text'}
                  inputMode={field.input.type === 'number' ? 'decimal' : undefined}
                  value={value}
                  hint="Leave it empty to clear the field."
                  onChange={(event) => setValue(event.target.value)}
                />
              )
            )}
          </>
        )}
        {settingConsent && optedOut !== null && optedOut > 0 && (
          <fieldset className="bulk-dialog__opt-outs">
            <legend>
              {countOf(
                optedOut,
                'of them unsubscribed or asked not to be contacted',
                'of them unsubscribed or asked not to be contacted',
              )}
            </legend>
            <label>
              <input
                type="radio"
                name={`${formId}-opt-outs`}
                checked={!overwriteOptOuts}
                onChange={() => setOverwriteOptOuts(false)}
              />{' '}
              Leave them as they are
            </label>
            <label>
              <input
                type="radio"
                name={`${formId}-opt-outs`}
                checked={overwriteOptOuts}
                onChange={() => setOverwriteOptOuts(true)}
              />{' '}
              Change them too
            </label>
          </fieldset>
        )}
        {(mode === 'addTag' || mode === 'removeTag') && (
          <>
            <Field
              id={`${formId}-tag`}
              label="Tag"
              list={`${formId}-tags`}
              value={tagName}
              autoComplete="off"
              hint={mode === 'addTag' ? 'Choose a tag, or type a new name to create it.' : undefined}
              onChange={(event) => setTagName(event.target.value)}
            />
            <datalist id={`${formId}-tags`}>
              {tags.map((tag) => (
                <option key={tag.id} value={tag.name} />
              ))}
            </datalist>
          </>
        )}
        {mode === 'delete' && target.kind === 'company' && (
          <SelectField
            id={`${formId}-people`}
            label="Their people"
            value={people}
            onChange={(chosen) => setPeople(chosen === 'trash' ? 'trash' : 'detach')}
            options={[
              { value: 'detach', label: 'Keep them (remove the company from them)' },
              { value: 'trash', label: 'Move them to the trash too' },
            ]}
          />
        )}
        <div className="dialog__actions">
          <Button onClick={onCancel} disabled={busy}>
            Cancel
          </Button>
          <Button
            type="submit"
            variant={mode === 'delete' ? 'danger' : 'primary'}
            disabled={busy || stale || (mode === 'set' && !fields)}
          >
            {mode === 'delete' ? `Move ${records} to the trash` : `Apply to ${records}`}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
