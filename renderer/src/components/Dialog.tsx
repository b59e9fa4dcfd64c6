import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import { createPortal } from 'react-dom';
import { focusableWithin } from './focusable';
import './Dialog.css';
import { matchesShortcut } from '../../../shared/shortcuts';

interface DialogProps {
  title: string;
  /** One sentence under the title; screen readers read it with the title. */
  description?: string;
  children: ReactNode;
  /** Escape, the backdrop and every cancel button call this. */
  onCancel: () => void;
  /** What gets focus on open; defaults to the first control. */
  initialFocus?: RefObject<HTMLElement | null>;
  /** Wide dialogs show content (a file preview); medium ones a list to choose from; normal ones ask a question. */
  size?: 'normal' | 'medium' | 'wide';
}

/**
 * A modal dialog: the rest of the app becomes inert and hidden from screen
 * readers while it is open, Tab cycles inside it, Escape cancels, and focus
 * goes back to where it was when it closes.
 */
export function Dialog({ title, description, children, onCancel, initialFocus, size = 'normal' }: DialogProps) {
  const titleId = useId();
  const descriptionId = useId();
  const dialogRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const appRoot = document.getElementById('root');
    // Counted on the root: a question over a dialog ("Save your changes?") must not wake the app behind both when it closes.
    const depth = () => Number(appRoot?.dataset.dialogs ?? '0');
    if (appRoot) appRoot.dataset.dialogs = String(depth() + 1);
    appRoot?.setAttribute('inert', '');
    appRoot?.setAttribute('aria-hidden', 'true');
    const dialog = dialogRef.current;
    const first = initialFocus?.current ?? (dialog ? focusableWithin(dialog)[0] : undefined);
    (first ?? dialog)?.focus();
    return () => {
      if (appRoot) appRoot.dataset.dialogs = String(Math.max(0, depth() - 1));
      if (depth() === 0) {
        appRoot?.removeAttribute('inert');
        appRoot?.removeAttribute('aria-hidden');
      }
      if (returnTo?.isConnected) returnTo.focus();
    };
    // Runs once per opening: the dialog is mounted to open it and unmounted to close it.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- a new initialFocus object must not refocus or re-count the open dialog
  }, []);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (matchesShortcut(event, 'dialog-cancel')) {
      // Stop here: the panel behind also closes on Escape, and React bubbles through portals.
      event.stopPropagation();
      event.preventDefault();
      onCancel();
      return;
    }
    if (event.key !== 'Tab' || !dialogRef.current) return;
    const focusable = focusableWithin(dialogRef.current);
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (!first || !last) return;
    const active = document.activeElement;
    if (event.shiftKey && (active === first || active === dialogRef.current)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && active === last) {
      event.preventDefault();
      first.focus();
    }
  }

  return createPortal(
    // The backdrop only frames the dialog: a click on it cancels as Escape does, and the keys pressed in the dialog
    // (Escape, Tab at either end) bubble to it.
    <div
      className="dialog-backdrop"
      role="presentation"
      onMouseDown={(event) => {
        if (event.target === event.currentTarget) onCancel();
      }}
      onKeyDown={onKeyDown}
    >
      <div
        ref={dialogRef}
        className={size === 'normal' ? 'dialog' : `dialog dialog--${size}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={description ? descriptionId : undefined}
        tabIndex={-1}
      >
        <h2 id={titleId} className="dialog__title">
          {title}
        </h2>
        {description && (
          <p id={descriptionId} className="dialog__message">
            {description}
          </p>
        )}
        {children}
      </div>
    </div>,
    document.body,
  );
}
