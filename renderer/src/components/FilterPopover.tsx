import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { Icon, type IconName } from './Icon';
import { focusableWithin } from './focusable';
import './FilterPopover.css';
import { matchesShortcut } from '../../../shared/shortcuts';

interface FilterPopoverProps {
  icon: IconName;
  /** The button's words ("Tags"). */
  label: string;
  /** How many conditions are on; shown as a count, and the button is highlighted. */
  activeCount: number;
  /** The popover's heading, which also names it. */
  title: string;
  children: ReactNode;
}

/**
 * A toolbar button that opens a small panel of filter controls under it.
 * Escape or a click outside closes it and focus returns to the button; it is
 * not modal, so the list behind keeps updating as the filter changes.
 */
export function FilterPopover({ icon, label, activeCount, title, children }: FilterPopoverProps) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const titleId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const panel = panelRef.current;
    if (panel) (focusableWithin(panel)[0] ?? panel).focus();
    const closeOutside = (event: MouseEvent) => {
      if (event.target instanceof Node && !rootRef.current?.contains(event.target)) setOpen(false);
    };
    document.addEventListener('mousedown', closeOutside);
    return () => document.removeEventListener('mousedown', closeOutside);
  }, [open]);

  return (
    <div className="filter-popover" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className={activeCount > 0 ? 'filter-popover__button filter-popover__button--active' : 'filter-popover__button'}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
      >
        <Icon name={icon} size={15} />
        {label}
        {activeCount > 0 && (
          <span className="filter-popover__count">
            {activeCount}
            <span className="visually-hidden"> on</span>
          </span>
        )}
        <Icon name="chevronDown" size={14} />
      </button>
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions -- Escape pressed on any control inside bubbles here to close the popover */}
      <div
        ref={panelRef}
        id={panelId}
        className="filter-popover__panel"
        role="group"
        aria-labelledby={titleId}
        tabIndex={-1}
        hidden={!open}
        onKeyDown={(event) => {
          if (!matchesShortcut(event, 'menu-close')) return;
          // Escape closes this panel only, not a record panel or dialog around the list.
          event.stopPropagation();
          setOpen(false);
          buttonRef.current?.focus();
        }}
      >
        <h2 id={titleId} className="filter-popover__title">
          {title}
        </h2>
        {open && children}
      </div>
    </div>
  );
}
