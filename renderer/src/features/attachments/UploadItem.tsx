import { useEffect, useRef } from 'react';
import { IconButton } from '../../components/Button';
import { ProgressBar } from '../../components/ProgressBar';
import { fileSize } from '../../lib/format';
import { ToneIcon } from './FileIcon';
import type { Upload } from './useUploadQueue';

interface UploadItemProps {
  upload: Upload;
  onCancel: (key: number) => void;
  onDismiss: (key: number) => void;
}

function progressOf(upload: Upload): number {
  if (upload.state === 'checking') return 100;
  return upload.size > 0 ? Math.floor((upload.sent / upload.size) * 100) : 0;
}

function statusOf(upload: Upload): string {
  if (upload.state === 'waiting') return 'Waiting…';
  if (upload.state === 'checking') return 'Checking the file…';
  return `${fileSize(upload.sent)} of ${fileSize(upload.size)}`;
}

/** A file on its way in (with its progress and a Cancel), or one that was refused (with the reason and a Dismiss). */
export function UploadItem({ upload, onCancel, onDismiss }: UploadItemProps) {
  const { fileName, state } = upload;
  const itemRef = useRef<HTMLLIElement>(null);

  // Files dropped on the top of a long record land below the fold: bring their progress, or their problem, into view.
  useEffect(() => {
    if (state === 'waiting' || state === 'failed') itemRef.current?.scrollIntoView({ block: 'nearest' });
  }, [state]);

  if (state === 'failed') {
    return (
      <li ref={itemRef} className="list-row attachment attachment--failed">
        <ToneIcon icon="alert" tone="refused" />
        <div className="attachment__about">
          <p className="attachment__name" title={fileName}>
            {fileName}
          </p>
          <p className="list-row__problem" role="alert">
            {upload.message}
          </p>
        </div>
        <IconButton
          className="attachment__corner"
          icon="close"
          label={`Dismiss the message about ${fileName}`}
          onClick={() => onDismiss(upload.key)}
        />
      </li>
    );
  }
  const percent = progressOf(upload);
  return (
    <li ref={itemRef} className="list-row attachment attachment--uploading">
      <ToneIcon icon="upload" tone="pending" />
      <div className="attachment__about">
        <p className="attachment__name" title={fileName}>
          {fileName}
        </p>
        <ProgressBar
          label={`Uploading ${fileName}`}
          percent={percent}
          valueText={statusOf(upload)}
          state={state === 'checking' ? 'working' : 'measured'}
        />
        <p className="list-row__details">
          <span>{statusOf(upload)}</span>
        </p>
      </div>
      {/* Once the core is checking and storing the file, it is too late to cancel. */}
      {state !== 'checking' && (
        <IconButton
          className="attachment__corner"
          icon="close"
          label={`Cancel upload of ${fileName}`}
          onClick={() => onCancel(upload.key)}
        />
      )}
    </li>
  );
}
