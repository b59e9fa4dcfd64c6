import { memo } from 'react';
import type { CompanySummary } from '../../../../shared/schemas/company';
import { Avatar } from '../../components/Avatar';
import { exactTime, shortTime } from '../../lib/format';

interface CompanyRowProps {
  index: number;
  /** Undefined while the row's page is loading: a quiet placeholder takes its place. */
  company: CompanySummary | undefined;
  top: number;
  selected: boolean;
  /** The one row Tab lands on (roving tabindex). */
  tabStop: boolean;
  onOpen(index: number, company: CompanySummary): void;
  onFocusRow(index: number): void;
}

function Blank() {
  return (
    <span className="cell__blank" aria-hidden="true">
      —
    </span>
  );
}

/** One company in the list; absolutely placed so only visible rows exist in the page. */
export const CompanyRow = memo(function CompanyRow({ index, company, top, selected, tabStop, onOpen, onFocusRow }: CompanyRowProps) {
  const className = ['contact-row', 'company-row', selected && 'contact-row--selected', !company && 'contact-row--loading'].filter(Boolean).join(' ');
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      data-index={index}
      tabIndex={tabStop ? 0 : -1}
      className={className}
      style={{ transform: `translateY(${top}px)` }}
      onClick={() => company && onOpen(index, company)}
      onFocus={() => onFocusRow(index)}
    >
      {company ? (
        <>
          <div role="gridcell" className="cell cell--name">
            <Avatar name={company.name} photo={null} />
            <span className="cell__text cell__text--strong">{company.name}</span>
          </div>
          <div role="gridcell" className="cell cell--industry">
            {company.industry ? <span className="cell__text">{company.industry}</span> : <Blank />}
          </div>
          <div role="gridcell" className="cell cell--phone">
            {company.phone ? <span className="cell__text cell__text--numeric">{company.phone}</span> : <Blank />}
          </div>
          <div role="gridcell" className="cell cell--website">
            {company.website ? <span className="cell__text">{company.website}</span> : <Blank />}
          </div>
          <div role="gridcell" className="cell cell--updatedAt">
            <time className="cell__text cell__text--muted" dateTime={company.updatedAt} title={exactTime(company.updatedAt)}>
              {shortTime(company.updatedAt)}
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
