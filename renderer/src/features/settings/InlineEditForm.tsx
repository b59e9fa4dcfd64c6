import type { ReactNode } from 'react';
import { Button } from '../../components/Button';
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

/** A Settings row opened for editing: its fields, then Cancel and Save; Escape cancels. */
export function InlineEditForm({ inline, label, saveLabel, onSave, children }: InlineEditFormProps) {
  return (
    <form
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
