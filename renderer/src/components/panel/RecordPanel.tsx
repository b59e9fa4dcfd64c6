import type { DragEventHandler, KeyboardEvent, ReactNode } from 'react';
import { useUnsavedWork } from '../../lib/unsavedContext';
import { ErrorBanner, WarningBanner } from '../Banner';
import { Button, IconButton } from '../Button';
import { ConflictReview } from './ConflictReview';
import type { RecordEditor } from './useRecordEditor';
import './RecordPanel.css';
import { matchesShortcut } from '../../../../shared/shortcuts';

interface RecordPanelProps {
  /** The panel's fixed name ("Contact details"), not the record's: it would mix with field labels. */
  label: string;
  /** The kind's own class, for what only it needs. */
  className: string;
  /** The picture or icon beside the title. */
  badge: ReactNode;
  title: string;
  subtitle: string;
  /** "contact": says what is loading or could not be opened. */
  noun: string;
  /** The record's form, its load and what happened to the record elsewhere (useRecordEditor). */
  editor: Pick<RecordEditor, 'record' | 'load' | 'dirty' | 'save' | 'sync'>;
  /** Files on their way in: Escape does not close the panel under them. */
  uploading: boolean;
  busy: boolean;
  /** Offered for a saved record only. */
  onDelete: (() => void) | null;
  /** Asks first when there is unsaved typing (the list screen's close is guarded). */
  onClose: () => void;
  /** Dropping files on the panel (attachments). */
  dropHandlers?: Partial<
    Record<'onDragEnter' | 'onDragOver' | 'onDragLeave' | 'onDrop', DragEventHandler<HTMLElement>>
  >;
  /** The form's fields and sections. */
  children: ReactNode;
  /** Dialogs and overlays over the panel. */
  overlays?: ReactNode;
}

/**
 * A record's side panel: its header, the form (loading and failure states
 * included), Delete / Cancel / Save, Escape to close and Ctrl/Cmd+Enter to
 * save. Its unsaved typing is declared, so nothing replaces it without asking;
 * a change made to the record elsewhere shows here, and a save made from an
 * older version opens the review instead of overwriting.
 */
export function RecordPanel({
  label,
  className,
  badge,
  title,
  subtitle,
  noun,
  editor,
  uploading,
  busy,
  onDelete,
  onClose,
  dropHandlers,
  children,
  overlays,
}: RecordPanelProps) {
  const { load, sync } = editor;
  const save = () => void editor.save();
  useUnsavedWork(editor.dirty, editor.record ? `“${title}”` : `this new ${noun}`, editor.save);

  function onKeyDown(event: KeyboardEvent<HTMLElement>) {
    // Keys from a dialog bubble here through React's portal; they are the dialog's business.
    if (!event.currentTarget.contains(event.target as Node)) return;
    if (matchesShortcut(event, 'close-panel') && !uploading && !busy) {
      event.preventDefault();
      onClose();
    }
    // Ctrl/Cmd+Enter saves from anywhere in the form, even the notes.
    if (matchesShortcut(event, 'save-record')) save();
  }

  return (
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions -- keys typed in the panel's fields bubble here: Escape closes, Ctrl+Enter saves
    <aside className={`record-panel ${className}`} aria-label={label} onKeyDown={onKeyDown} {...dropHandlers}>
      <header className="record-panel__header">
        {badge}
        <div className="record-panel__titles">
          <h2 className="record-panel__title">{title}</h2>
          {subtitle && <p className="record-panel__subtitle">{subtitle}</p>}
        </div>
        <IconButton icon="close" label="Close" onClick={onClose} />
      </header>

      {load.state === 'loading' && (
        <div className="record-panel__loading" aria-busy="true">
          <span className="visually-hidden">Loading {noun}…</span>
          {[72, 55, 64, 48].map((width) => (
            <span key={width} className="skeleton skeleton--line" data-width={width} />
          ))}
        </div>
      )}

      {load.state === 'failed' && (
        <div className="record-panel__body">
          <ErrorBanner title={`This ${noun} could not be opened`} action={<Button onClick={onClose}>Close</Button>}>
            {load.message}
          </ErrorBanner>
        </div>
      )}

      {load.state === 'ready' && (
        <form
          className="record-form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            save();
          }}
        >
          <div className="record-panel__body">
            {sync.gone && (
              <ErrorBanner title={`This ${noun} was deleted elsewhere`}>
                It is in the trash now, so these changes cannot be saved to it. Copy anything you still need before you
                close it.
              </ErrorBanner>
            )}
            {sync.newer && !sync.gone && (
              <WarningBanner
                title="Changed elsewhere while you were editing"
                action={
                  <Button size="small" onClick={sync.review}>
                    Review changes
                  </Button>
                }
              >
                Your typing is kept. Review the changes to choose, field by field, what to keep before you save.
              </WarningBanner>
            )}
            {children}
          </div>
          <footer className="record-panel__footer">
            {onDelete && (
              <Button variant="ghost" icon="trash" aria-disabled={busy} onClick={() => !busy && onDelete()}>
                Delete
              </Button>
            )}
            <span className="record-panel__spacer" />
            {/* aria-disabled, not disabled, while busy: a disabled button drops keyboard focus. */}
            <Button onClick={() => !busy && onClose()} aria-disabled={busy}>
              Cancel
            </Button>
            <Button type="submit" variant="primary" aria-disabled={busy}>
              Save
            </Button>
          </footer>
        </form>
      )}
      {overlays}
      {sync.reviewing && sync.newer && (
        <ConflictReview
          name={title}
          noun={noun}
          rows={sync.rows}
          busy={busy}
          onSave={sync.applyReview}
          onTakeSaved={sync.takeSaved}
          onKeepEditing={sync.closeReview}
        />
      )}
    </aside>
  );
}
