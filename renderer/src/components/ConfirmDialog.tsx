import { useRef } from 'react';
import { Button } from './Button';
import { Dialog } from './Dialog';

interface ConfirmDialogProps {
  title: string;
  message: string;
  confirmLabel: string;
  busy?: boolean;
  /** danger (the default): something is removed for good. safe: a big step that can be undone, so no red. */
  tone?: 'danger' | 'safe';
  onConfirm: () => void;
  onCancel: () => void;
}

/** Asks before a big step. Cancel has focus first, so Enter never destroys by accident. */
export function ConfirmDialog({
  title,
  message,
  confirmLabel,
  busy = false,
  tone = 'danger',
  onConfirm,
  onCancel,
}: ConfirmDialogProps) {
  const cancelRef = useRef<HTMLButtonElement>(null);
  return (
    <Dialog title={title} description={message} onCancel={onCancel} initialFocus={cancelRef}>
      <div className="dialog__actions">
        <Button ref={cancelRef} onClick={onCancel} disabled={busy}>
          Cancel
        </Button>
        {tone === 'danger' ? (
          <Button variant="danger" icon="trash" onClick={onConfirm} disabled={busy}>
            {confirmLabel}
          </Button>
        ) : (
          <Button variant="primary" onClick={onConfirm} disabled={busy}>
            {confirmLabel}
          </Button>
        )}
      </div>
    </Dialog>
  );
}
