import { useRef } from 'react';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';

interface LeavePromptProps {
  label: string;
  /** False for work that cannot be kept half-done (an import being set up): only Leave or Stay. */
  canSave: boolean;
  saving: boolean;
  onSave: () => void;
  onDiscard: () => void;
  onKeepEditing: () => void;
}

/** "Save your changes?" before typing would be lost. Save has focus: Enter keeps the work. */
export function LeavePrompt({ label, canSave, saving, onSave, onDiscard, onKeepEditing }: LeavePromptProps) {
  const saveRef = useRef<HTMLButtonElement>(null);
  const stayRef = useRef<HTMLButtonElement>(null);
  if (!canSave) {
    // Nothing to save: staying is the safe answer, so it has focus and Enter keeps the work.
    return (
      <Dialog
        title={`Leave ${label}?`}
        description="Nothing from it is saved yet. If you leave now, your choices are lost."
        onCancel={onKeepEditing}
        initialFocus={stayRef}
      >
        <div className="dialog__actions">
          <Button variant="danger" onClick={onDiscard}>
            Leave
          </Button>
          <Button ref={stayRef} variant="primary" onClick={onKeepEditing}>
            Stay
          </Button>
        </div>
      </Dialog>
    );
  }
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
