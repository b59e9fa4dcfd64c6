import type { Attachment } from '../../../../shared/schemas/attachment';
import { Button } from '../../components/Button';
import { exactTime, fileSize, shortTime } from '../../lib/format';
import { FileIcon } from './FileIcon';
import { kindInWords } from './fileKind';

interface AttachmentItemProps {
  attachment: Attachment;
  onPreview: (attachment: Attachment) => void;
  onOpen: (attachment: Attachment) => void;
  onSaveCopy: (attachment: Attachment) => void;
  onRemove: (attachment: Attachment) => void;
}

/**
 * One attached file: what it is, and what can be done with it. Every button
 * names the file, so a list of them reads clearly. Words without icons, so the
 * four fit on one line of the panel.
 */
export function AttachmentItem({ attachment, onPreview, onOpen, onSaveCopy, onRemove }: AttachmentItemProps) {
  const { fileName } = attachment;
  return (
    <li className="list-row attachment">
      <FileIcon attachment={attachment} />
      <div className="attachment__about">
        <p className="attachment__name" title={fileName}>
          {fileName}
        </p>
        <p className="list-row__details">
          <span>{fileSize(attachment.size)}</span>
          <span>{kindInWords(attachment.typeLabel)}</span>
          <time dateTime={attachment.addedAt} title={`Added ${exactTime(attachment.addedAt)}`}>
            {shortTime(attachment.addedAt)}
          </time>
        </p>
      </div>
      <div className="attachment__actions">
        {attachment.previewable && (
          <Button
            variant="subtle"
            size="small"
            aria-label={`Preview ${fileName}`}
            onClick={() => onPreview(attachment)}
          >
            Preview
          </Button>
        )}
        <Button variant="subtle" size="small" aria-label={`Open ${fileName}`} onClick={() => onOpen(attachment)}>
          Open
        </Button>
        <Button
          variant="subtle"
          size="small"
          aria-label={`Save a copy of ${fileName}`}
          onClick={() => onSaveCopy(attachment)}
        >
          Save a copy…
        </Button>
        <Button variant="ghost" size="small" aria-label={`Remove ${fileName}`} onClick={() => onRemove(attachment)}>
          Remove
        </Button>
      </div>
    </li>
  );
}
