import { memo } from 'react';
import type { ContactSummary } from '../../../../shared/schemas/contact';
import { Avatar } from '../../components/Avatar';
import { exactTime, shortTime } from '../../lib/format';

interface ContactRowProps {
  index: number;
  /** Undefined while the row's page is loading: a quiet placeholder takes its place. */
  contact: ContactSummary | undefined;
  top: number;
  selected: boolean;
  /** The one row Tab lands on (roving tabindex). */
  tabStop: boolean;
  onOpen(index: number, contact: ContactSummary): void;
  onFocusRow(index: number): void;
}

function Blank() {
  return (
    <span className="cell__blank" aria-hidden="true">
      —
    </span>
  );
}

/** One contact in the list; absolutely placed so only visible rows exist in the page. */
export const ContactRow = memo(function ContactRow({ index, contact, top, selected, tabStop, onOpen, onFocusRow }: ContactRowProps) {
  const className = ['contact-row', selected && 'contact-row--selected', !contact && 'contact-row--loading'].filter(Boolean).join(' ');
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      data-index={index}
      tabIndex={tabStop ? 0 : -1}
      className={className}
      style={{ transform: `translateY(${top}px)` }}
      onClick={() => contact && onOpen(index, contact)}
      onFocus={() => onFocusRow(index)}
    >
      {contact ? (
        <>
          <div role="gridcell" className="cell cell--name">
            <Avatar name={contact.name} photo={contact.photo} />
            <span className="cell__text cell__text--strong">{contact.name}</span>
          </div>
          <div role="gridcell" className="cell cell--company">
            {contact.company ? <span className="cell__text">{contact.company}</span> : <Blank />}
          </div>
          <div role="gridcell" className="cell cell--email">
            {contact.email ? <span className="cell__text">{contact.email}</span> : <Blank />}
          </div>
          <div role="gridcell" className="cell cell--phone">
            {contact.phone ? <span className="cell__text cell__text--numeric">{contact.phone}</span> : <Blank />}
          </div>
          <div role="gridcell" className="cell cell--updatedAt">
            <time className="cell__text cell__text--muted" dateTime={contact.updatedAt} title={exactTime(contact.updatedAt)}>
              {shortTime(contact.updatedAt)}
            </time>
          </div>
        </>
      ) : (
        <div role="gridcell" className="cell cell--name">
          <span className="skeleton skeleton--avatar" />
          <span className="skeleton skeleton--text" />
          <span className="visually-hidden">Loading…</span>
        </div>
      )}
    </div>
  );
});
