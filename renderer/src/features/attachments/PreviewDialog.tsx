import { useRef, useState } from 'react';
import { fileUrl } from '../../../../shared/files-url';
import type { Attachment } from '../../../../shared/schemas/attachment';
import { toCrmError } from '../../api';
import { ErrorBanner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { fileSize } from '../../lib/format';
import { kindInWords } from './fileKind';
import type { FileActions } from './useFileActions';
import './PreviewDialog.css';

interface PreviewDialogProps {
  attachment: Attachment;
  actions: FileActions;
  onClose: () => void;
}

/** A look at an image or a PDF without leaving Rolodesk, with the ways to take it further. */
export function PreviewDialog({ attachment, actions, onClose }: PreviewDialogProps) {
  const closeRef = useRef<HTMLButtonElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const src = fileUrl(attachment.sha256);

  const run = (action: (attachment: Attachment) => Promise<void>) => {
    setProblem(null);
    action(attachment).catch((error: unknown) => setProblem(toCrmError(error).message));
  };

  return (
    <Dialog
      title={attachment.fileName}
      description={`${kindInWords(attachment.typeLabel)} · ${fileSize(attachment.size)}`}
      onCancel={onClose}
      initialFocus={closeRef}
      size="wide"
    >
      <div className="preview">
        {attachment.mimeType === 'application/pdf' ? (
          // Our own PDF, served from our origin; Chromium's viewer draws it (a sandboxed frame would block the viewer).
          // Its toolbar is hidden: it would title the file by its fingerprint and offer a download of its own,
          // where our buttons below say what the file is called.
          <iframe
            className="preview__document"
            src={`${src}#toolbar=0&navpanes=0&view=FitH`}
            title={`Preview of ${attachment.fileName}`}
          />
        ) : (
          <img className="preview__image" src={src} alt={attachment.fileName} />
        )}
      </div>
      {problem && <ErrorBanner>{problem}</ErrorBanner>}
      <div className="dialog__actions preview__actions">
        <Button icon="external" onClick={() => run(actions.open)}>
          Open
        </Button>
        <Button icon="download" onClick={() => run(actions.saveCopy)}>
          Save a copy…
        </Button>
        <span className="preview__spacer" />
        <Button ref={closeRef} variant="primary" onClick={onClose}>
          Close
        </Button>
      </div>
    </Dialog>
  );
}
