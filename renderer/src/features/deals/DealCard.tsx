import { memo, type DragEvent } from 'react';
import type { DealSummary } from '../../../../shared/schemas/deal';
import { Icon } from '../../components/Icon';
import { SampleBadge } from '../welcome';
import { formatCloseDate, isOverdue } from './closeDate';
import { formatMoney } from '../../lib/money';

interface DealCardProps {
  deal: DealSummary;
  /** The one card Tab lands on (roving tabindex). */
  tabStop: boolean;
  selected: boolean;
  /** Lifted by the pointer: drawn faint where it was. */
  lifted: boolean;
  hintId: string;
  onOpen: (deal: DealSummary) => void;
  onFocusCard: (deal: DealSummary) => void;
  onLift: (deal: DealSummary, event: DragEvent<HTMLElement>) => void;
  onDrop: () => void;
}

/** One deal on the board: what it is, for whom, what it is worth, and when it should close. */
export const DealCard = memo(function DealCard({
  deal,
  tabStop,
  selected,
  lifted,
  hintId,
  onOpen,
  onFocusCard,
  onLift,
  onDrop,
}: DealCardProps) {
  const overdue = deal.stageKind === 'open' && deal.expectedCloseDate !== null && isOverdue(deal.expectedCloseDate);
  const className = ['deal-card', selected && 'deal-card--selected', lifted && 'deal-card--lifted']
    .filter(Boolean)
    .join(' ');
  const who = [deal.companyName, deal.contactName].filter(Boolean).join(' · ');
  return (
    <li className="deal-board__slot">
      {/* eslint-disable-next-line jsx-a11y/click-events-have-key-events -- Enter on the focused card is handled by the board's onKeyDown (roving focus) */}
      <div
        className={className}
        role="button"
        tabIndex={tabStop ? 0 : -1}
        aria-describedby={hintId}
        aria-current={selected ? true : undefined}
        data-deal-id={deal.id}
        draggable
        onClick={() => onOpen(deal)}
        onFocus={() => onFocusCard(deal)}
        onDragStart={(event) => onLift(deal, event)}
        onDragEnd={onDrop}
      >
        <span className="deal-card__title">
          {deal.title}
          <SampleBadge kind="deal" id={deal.id} />
        </span>
        {who && <span className="deal-card__who">{who}</span>}
        <span className="deal-card__facts">
          <span className="deal-card__value">{formatMoney(deal.valueMinor, deal.currency)}</span>
          {deal.probability !== null && (
            <span className="deal-card__chance" title="Probability">
              {deal.probability}%
            </span>
          )}
        </span>
        {(deal.expectedCloseDate || deal.owner) && (
          <span className="deal-card__meta">
            {deal.expectedCloseDate && (
              <span
                className={overdue ? 'deal-card__date deal-card__date--overdue' : 'deal-card__date'}
                title={overdue ? 'Expected close date (passed)' : 'Expected close date'}
              >
                <Icon name="calendar" size={13} />
                {formatCloseDate(deal.expectedCloseDate)}
              </span>
            )}
            {deal.owner && (
              <span className="deal-card__owner" title="Owner">
                <Icon name="contacts" size={13} />
                {deal.owner}
              </span>
            )}
          </span>
        )}
      </div>
    </li>
  );
});
