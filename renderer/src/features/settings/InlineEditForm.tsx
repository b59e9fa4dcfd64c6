import { useEffect, useRef, type ReactNode } from 'react';
import { Button } from '../../components/Button';
import { focusableWithin } from '../../components/focusable';
import type { InlineEdit } from './useInlineEdit';

interface InlineEditFormProps {
  inline: Pick<InlineEdit, 'stop' | 'onFormKeyDown' | 'busy'>;
  /** Names the form: "Edit tag Work". */
  label: string;
  /** "Save tag". */
  saveLabel: string;
  onSave: () => Promise<boolean>;
  /** The fields being edited. */
  children: ReactNode;
}

/** A Settings row opened for editing: its fields, then Cancel and Save; Escape cancels. Focus starts in the first field. */
export function InlineEditForm({ inline, label, saveLabel, onSave, children }: InlineEditFormProps) {
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (formRef.current) focusableWithin(formRef.current)[0]?.focus();
  }, []);

  return (
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions -- keys typed in the fields bubble here: Escape cancels the edit
    <form
      ref={formRef}
      className="settings-item__form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void onSave();
      }}
      onKeyDown={inline.onFormKeyDown}
      aria-label={label}
    >
      {children}
      <div className="settings-item__actions">
        <Button size="small" onClick={inline.stop}>
          Cancel
        </Button>
        <Button size="small" type="submit" variant="primary" aria-disabled={inline.busy}>
          {saveLabel}
        </Button>
      </div>
    </form>
  );
}
