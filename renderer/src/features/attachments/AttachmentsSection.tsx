import { useId, useRef, useState } from 'react';
import type { Attachment } from '../../../../shared/schemas/attachment';
import { invoke, toCrmError } from '../../api';
import { ErrorBanner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { Icon } from '../../components/Icon';
import { useToast } from '../../components/Toast';
import { AttachmentItem } from './AttachmentItem';
import { PreviewDialog } from './PreviewDialog';
import { UploadItem } from './UploadItem';
import type { AttachmentList } from './useAttachments';
import { useFileActions } from './useFileActions';
import type { UploadQueue } from './useUploadQueue';
import '../../styles/list.css';
import './AttachmentsSection.css';

interface AttachmentsSectionProps {
  list: AttachmentList;
  queue: UploadQueue;
}

/** A record's files: the list, files on their way in, and Add files… (files can also be dropped on the whole panel). */
export function AttachmentsSection({ list, queue }: AttachmentsSectionProps) {
  const headingId = useId();
  const showToast = useToast();
  const actions = useFileActions();
  const inputRef = useRef<HTMLInputElement>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [previewing, setPreviewing] = useState<Attachment | null>(null);
  const [removing, setRemoving] = useState(false);

  const { attachments } = list;

  const run = (action: (attachment: Attachment) => Promise<void>) => (attachment: Attachment) => {
    setProblem(null);
    action(attachment).catch((error: unknown) => setProblem(toCrmError(error).message));
  };

  // After a removal the row that had focus goes away; the section's own button takes focus, not the page.
  const focusAdd = () => addRef.current?.focus();

  // Rolodesk asks in its own native dialog (files have no trash); the page does not ask again.
  async function remove(attachment: Attachment) {
    if (removing) return;
    setRemoving(true);
    setProblem(null);
    try {
      await invoke('attachments.remove', { id: attachment.id });
      showToast('File removed');
      focusAdd();
    } catch (thrown) {
      const error = toCrmError(thrown);
      // "No" in that dialog changed nothing; already gone (removed in another window) is what the user asked for.
      if (error.code !== 'CANCELLED' && error.code !== 'NOT_FOUND') setProblem(error.message);
      if (error.code === 'NOT_FOUND') focusAdd();
    } finally {
      setRemoving(false);
      list.reload();
    }
  }

  const count = attachments?.length ?? 0;
  const nothingYet = attachments !== null && count === 0 && queue.uploads.length === 0;

  return (
    <section className="attachments" aria-labelledby={headingId}>
      <div className="attachments__header">
        <h3 id={headingId} className="attachments__title">
          Attachments
          {count > 0 && <span className="list-count">{count}</span>}
        </h3>
        <Button
          ref={addRef}
          size="small"
          icon="paperclip"
          aria-label="Add files"
          onClick={() => inputRef.current?.click()}
        >
          Add files…
        </Button>
        <input
          ref={inputRef}
          type="file"
          multiple
          hidden
          tabIndex={-1}
          onChange={(event) => {
            const files = Array.from(event.target.files ?? []);
            // Cleared, so choosing the same file again still counts as a change.
            event.target.value = '';
            queue.add(files);
          }}
        />
      </div>

      {list.error && (
        <ErrorBanner title="The files could not be listed" action={<Button onClick={list.reload}>Try again</Button>}>
          {list.error}
        </ErrorBanner>
      )}
      {problem && (
        <ErrorBanner action={<Button onClick={() => setProblem(null)}>Dismiss</Button>}>{problem}</ErrorBanner>
      )}

      {nothingYet && (
        <div className="list-empty">
          <Icon name="paperclip" size={18} />
          <p>No files yet. Drop files here, or choose Add files…</p>
        </div>
      )}

      {(queue.uploads.length > 0 || count > 0) && (
        <ul className="attachments__list" aria-labelledby={headingId}>
          {queue.uploads.map((upload) => (
            <UploadItem
              key={`upload-${upload.key}`}
              upload={upload}
              onCancel={queue.cancel}
              onDismiss={queue.dismiss}
            />
          ))}
          {attachments?.map((attachment) => (
            <AttachmentItem
              key={attachment.id}
              attachment={attachment}
              onPreview={setPreviewing}
              onOpen={run(actions.open)}
              onSaveCopy={run(actions.saveCopy)}
              onRemove={(attachment) => void remove(attachment)}
            />
          ))}
        </ul>
      )}

      {previewing && <PreviewDialog attachment={previewing} actions={actions} onClose={() => setPreviewing(null)} />}
    </section>
  );
}
