import type { DragEventHandler, KeyboardEvent, ReactNode } from 'react';
import { ErrorBanner } from '../Banner';
import { Button, IconButton } from '../Button';
import type { PanelLoad } from './useRecordLoad';

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
  load: PanelLoad;
  /** Unsaved typing (or files on their way in): Escape does not throw it away. */
  holdsWork: boolean;
  busy: boolean;
  onSave(): void;
  /** Offered for a saved record only. */
  onDelete: (() => void) | null;
  onClose(): void;
  /** Dropping files on the panel (attachments). */
  dropHandlers?: Partial<Record<'onDragEnter' | 'onDragOver' | 'onDragLeave' | 'onDrop', DragEventHandler<HTMLElement>>>;
  /** The form's fields and sections. */
  children: ReactNode;
  /** Dialogs and overlays over the panel. */
  overlays?: ReactNode;
}

/**
 * A record's side panel: its header, the form (loading and failure states
 * included), Delete / Cancel / Save, Escape to close and Ctrl/Cmd+Enter to save.
 */
export function RecordPanel({ label, className, badge, title, subtitle, noun, load, holdsWork, busy, onSave, onDelete, onClose, dropHandlers, children, overlays }: RecordPanelProps) {
  function onKeyDown(event: KeyboardEvent<HTMLElement>) {
    // Keys from a dialog bubble here through React's portal; they are the dialog's business.
    if (!event.currentTarget.contains(event.target as Node)) return;
    if (event.key === 'Escape' && !holdsWork && !busy) {
      event.preventDefault();
      onClose();
    }
    // Ctrl/Cmd+Enter saves from anywhere in the form, even the notes.
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) onSave();
  }

  return (
    <aside className={`contact-panel ${className}`} aria-label={label} onKeyDown={onKeyDown} {...dropHandlers}>
      <header className="contact-panel__header">
        {badge}
        <div className="contact-panel__titles">
          <h2 className="contact-panel__title">{title}</h2>
          {subtitle && <p className="contact-panel__subtitle">{subtitle}</p>}
        </div>
        <IconButton icon="close" label="Close" onClick={onClose} />
      </header>

      {load.state === 'loading' && (
        <div className="contact-panel__loading" aria-busy="true">
          <span className="visually-hidden">Loading {noun}…</span>
          {[72, 55, 64, 48].map((width) => (
            <span key={width} className="skeleton skeleton--line" data-width={width} />
          ))}
        </div>
      )}

      {load.state === 'failed' && (
        <div className="contact-panel__body">
          <ErrorBanner title={`This ${noun} could not be opened`} action={<Button onClick={onClose}>Close</Button>}>
            {load.message}
          </ErrorBanner>
        </div>
      )}

      {load.state === 'ready' && (
        <form
          className="contact-form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            onSave();
          }}
        >
          <div className="contact-panel__body">{children}</div>
          <footer className="contact-panel__footer">
            {onDelete && (
              <Button variant="ghost" icon="trash" aria-disabled={busy} onClick={() => !busy && onDelete()}>
                Delete
              </Button>
            )}
            <span className="contact-panel__spacer" />
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
    </aside>
  );
}
