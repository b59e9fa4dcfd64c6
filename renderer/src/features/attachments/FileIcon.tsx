import { fileUrl } from '../../../../shared/files-url';
import type { Attachment } from '../../../../shared/schemas/attachment';
import { Icon, type IconName } from '../../components/Icon';
import { fileKindOf, type FileTone } from './fileKind';
import './FileIcon.css';

/** A square tile for a file: a small picture of an image, a coloured icon for everything else. Decorative. */
export function FileIcon({ attachment }: { attachment: Attachment }) {
  if (attachment.previewable && attachment.mimeType.startsWith('image/')) {
    return (
      <span className="file-icon file-icon--thumbnail" aria-hidden="true">
        <img src={fileUrl(attachment.sha256)} alt="" loading="lazy" draggable={false} />
      </span>
    );
  }
  const { icon, tone } = fileKindOf(attachment.mimeType);
  return <ToneIcon icon={icon} tone={tone} />;
}

/** The tile without a stored file behind it (a file still on its way, or refused). */
export function ToneIcon({ icon, tone }: { icon: IconName; tone: FileTone | 'pending' | 'refused' }) {
  return (
    <span className="file-icon" data-tone={tone} aria-hidden="true">
      <Icon name={icon} size={20} />
    </span>
  );
}
