import { useRef } from 'react';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';

interface LeavePromptProps {
  label: string;
  saving: boolean;
  onSave(): void;
  onDiscard(): void;
  onKeepEditing(): void;
}

/** "Save your changes?" before typing would be lost. Save has focus: Enter keeps the work. */
export function LeavePrompt({ label, saving, onSave, onDiscard, onKeepEditing }: LeavePromptProps) {
  const saveRef = useRef<HTMLButtonElement>(null);
  return (
    <Dialog
      title={`Save your changes to ${label}?`}
      description="You changed it and have not saved yet. If you go on without saving, these changes are lost."
      onCancel={onKeepEditing}
      initialFocus={saveRef}
    >
      <div className="dialog__actions">
        <Button onClick={onKeepEditing} disabled={saving}>
          Keep editing
        </Button>
        <Button variant="danger" onClick={onDiscard} disabled={saving}>
          Discard changes
        </Button>
        <Button ref={saveRef} variant="primary" onClick={onSave} aria-disabled={saving}>
          {saving ? 'Saving…' : 'Save'}
        </Button>
      </div>
    </Dialog>
  );
}
