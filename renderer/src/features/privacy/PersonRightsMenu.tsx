import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { invoke, toCrmError } from '../../api';
import { ErrorBanner } from '../../components/Banner';
import { Icon } from '../../components/Icon';
import { useToast } from '../../components/Toast';
import { ErasePersonDialog } from './ErasePersonDialog';
import { exportedMessage } from './privacyWords';
import './PersonRightsMenu.css';
import { matchesShortcut } from '../../../../shared/shortcuts';

interface PersonRightsMenuProps {
  contact: { id: number; name: string };
  /** The person was erased: the panel closes and the list reloads. */
  onErased: () => void;
}

type Status = { kind: 'idle' } | { kind: 'saving' } | { kind: 'failed'; text: string };

/**
 * "Personal data" on a contact's panel: a menu with "Export everything about
 * this person…" (one archive, for an access request) and "Erase this person
 * for good…" (after a dialog that says what goes). Arrow keys move in the
 * menu, Escape closes it and puts focus back on its button.
 */
export function PersonRightsMenu({ contact, onErased }: PersonRightsMenuProps) {
  const [open, setOpen] = useState(false);
  const [erasing, setErasing] = useState(false);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const showToast = useToast();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const menuId = useId();

  const items = () => [...(menuRef.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])];
  useEffect(() => {
    if (!open) return;
    items()[0]?.focus();
    const closeOutside = (event: MouseEvent) => {
      if (!menuRef.current?.contains(event.target as Node) && !buttonRef.current?.contains(event.target as Node))
        setOpen(false);
    };
    document.addEventListener('mousedown', closeOutside);
    return () => document.removeEventListener('mousedown', closeOutside);
  }, [open]);

  function close(refocus: boolean) {
    setOpen(false);
    if (refocus) buttonRef.current?.focus();
  }

  function onMenuKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const list = items();
    const at = list.indexOf(document.activeElement as HTMLButtonElement);
    const move = (to: number) => list[(to + list.length) % list.length]?.focus();
    const moves: Record<string, number> = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: list.length - 1 };
    if (matchesShortcut(event, 'menu-move')) move(moves[event.key] ?? at);
    else if (matchesShortcut(event, 'menu-close')) {
      // The panel behind closes on Escape too: this one is the menu's.
      event.stopPropagation();
      close(true);
    } else if (event.key === 'Tab') {
      setOpen(false);
      return;
    } else return;
    event.preventDefault();
  }

  function exportEverything() {
    close(true);
    setStatus({ kind: 'saving' });
    invoke('privacy.exportPerson', { contactId: contact.id }).then(
      (result) => {
        setStatus({ kind: 'idle' });
        // Said where every outcome is said: the app's notifications, its one status region.
        if (result.saved) showToast(exportedMessage(result.counts));
      },
      (error: unknown) => setStatus({ kind: 'failed', text: toCrmError(error).message }),
    );
  }

  return (
    <div className="person-rights">
      <button
        ref={buttonRef}
        type="button"
        className="person-rights__button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        disabled={status.kind === 'saving'}
        onClick={() => setOpen((was) => !was)}
      >
        <Icon name="shieldCheck" size={15} />
        Personal data
        <Icon name="chevronDown" size={14} />
      </button>
      {open && (
        <div
          ref={menuRef}
          id={menuId}
          role="menu"
          aria-label="Personal data"
          // Focus sits on the menu items (roving); the menu itself takes focus only from script.
          tabIndex={-1}
          className="person-rights__menu"
          onKeyDown={onMenuKeyDown}
        >
          <button
            type="button"
            role="menuitem"
            tabIndex={-1}
            className="person-rights__item"
            onClick={exportEverything}
          >
            <Icon name="download" size={15} />
            Export everything about this person…
          </button>
          <button
            type="button"
            role="menuitem"
            tabIndex={-1}
            className="person-rights__item person-rights__item--danger"
            onClick={() => {
              close(false);
              setErasing(true);
            }}
          >
            <Icon name="trash" size={15} />
            Erase this person for good…
          </button>
        </div>
      )}
      {status.kind === 'saving' && <p className="person-rights__status">Saving the archive…</p>}
      {status.kind === 'failed' && <ErrorBanner title="The archive was not saved">{status.text}</ErrorBanner>}
      {erasing && (
        <ErasePersonDialog
          contact={contact}
          onErased={onErased}
          onCancel={() => {
            setErasing(false);
            buttonRef.current?.focus();
          }}
        />
      )}
    </div>
  );
}
