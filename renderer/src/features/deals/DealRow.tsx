import { memo } from 'react';
import type { DealSummary } from '../../../../shared/schemas/deal';
import { exactTime, shortTime } from '../../lib/format';
import { formatCloseDate } from './closeDate';
import { formatMoney } from './money';
import './StageChip.css';

interface DealRowProps {
  index: number;
  /** Undefined while the row's page is loading: a quiet placeholder takes its place. */
  deal: DealSummary | undefined;
  top: number;
  selected: boolean;
  /** The one row Tab lands on (roving tabindex). */
  tabStop: boolean;
  onOpen(index: number, deal: DealSummary): void;
  onFocusRow(index: number): void;
}

const blank = (
  <span className="cell__blank" aria-hidden="true">
    —
  </span>
);

/** One deal in the list; absolutely placed so only visible rows exist in the page. */
export const DealRow = memo(function DealRow({ index, deal, top, selected, tabStop, onOpen, onFocusRow }: DealRowProps) {
  const className = ['contact-row', 'deal-row', selected && 'contact-row--selected', !deal && 'contact-row--loading'].filter(Boolean).join(' ');
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      data-index={index}
      tabIndex={tabStop ? 0 : -1}
      className={className}
      style={{ transform: `translateY(${top}px)` }}
      onClick={() => deal && onOpen(index, deal)}
      onFocus={() => onFocusRow(index)}
    >
      {deal ? (
        <>
          <div role="gridcell" className="cell cell--title">
            <span className="deal-row__title">
              <span className="cell__text cell__text--strong">{deal.title}</span>
              {deal.companyName && <span className="cell__text cell__text--muted">{deal.companyName}</span>}
            </span>
          </div>
          <div role="gridcell" className="cell cell--stage">
            <span className={`stage-chip stage-chip--${deal.stageKind}`}>{deal.stageName}</span>
          </div>
          <div role="gridcell" className="cell cell--value">
            <span className="cell__text cell__text--numeric">{formatMoney(deal.valueMinor, deal.currency)}</span>
          </div>
          <div role="gridcell" className="cell cell--probability">
            {deal.probability === null ? blank : <span className="cell__text cell__text--numeric">{deal.probability}%</span>}
          </div>
          <div role="gridcell" className="cell cell--expectedCloseDate">
            {deal.expectedCloseDate ? <span className="cell__text cell__text--numeric">{formatCloseDate(deal.expectedCloseDate)}</span> : blank}
          </div>
          <div role="gridcell" className="cell cell--owner">
            {deal.owner ? <span className="cell__text">{deal.owner}</span> : blank}
          </div>
          <div role="gridcell" className="cell cell--updatedAt">
            <time className="cell__text cell__text--muted" dateTime={deal.updatedAt} title={exactTime(deal.updatedAt)}>
              {shortTime(deal.updatedAt)}
            </time>
          </div>
        </>
      ) : (
        <div role="gridcell" className="cell cell--title">
          <span className="skeleton skeleton--text" />
          <span className="visually-hidden">Loading…</span>
        </div>
      )}
    </div>
  );
});
