import { Fragment, type DragEvent } from 'react';
import type { DealBoard, DealSummary } from '../../../../shared/schemas/deal';
import { countOf } from '../../lib/format';
import { DealCard } from './DealCard';
import { formatMoney } from '../../lib/money';

export type BoardColumn = DealBoard['columns'][number];

interface StageColumnProps {
  column: BoardColumn;
  tabStopId: number | null;
  selectedId: number | null;
  /** The card being dragged, anywhere on the board. */
  lifted: DealSummary | null;
  /** Where the dragged card would land in this column (among its other cards), or null. */
  dropIndex: number | null;
  hintId: string;
  onOpen: (deal: DealSummary) => void;
  onFocusCard: (deal: DealSummary) => void;
  onLift: (deal: DealSummary, event: DragEvent<HTMLElement>) => void;
  onDragOverColumn: (stageId: number, event: DragEvent<HTMLElement>) => void;
  onDropOnColumn: (event: DragEvent<HTMLElement>) => void;
  onDragEnd: () => void;
}

/** One stage of the pipeline: its name, how many deals and what they are worth, and its cards. */
export function StageColumn({
  column,
  tabStopId,
  selectedId,
  lifted,
  dropIndex,
  hintId,
  onOpen,
  onFocusCard,
  onLift,
  onDragOverColumn,
  onDropOnColumn,
  onDragEnd,
}: StageColumnProps) {
  const { stage, count, totals, deals } = column;
  const titleId = `stage-${stage.id}-title`;
  const others = lifted ? deals.filter((deal) => deal.id !== lifted.id) : deals;
  const markerBefore = dropIndex === null ? undefined : (others[dropIndex]?.id ?? 'end');
  const marker = <li className="deal-board__marker" aria-hidden="true" />;
  return (
    <section
      className={`deal-column deal-column--${stage.kind}${dropIndex !== null ? ' deal-column--target' : ''}`}
      aria-labelledby={titleId}
      data-stage-id={stage.id}
      onDragOver={(event) => onDragOverColumn(stage.id, event)}
      onDrop={onDropOnColumn}
    >
      <header className="deal-column__head">
        <h2 id={titleId} className="deal-column__name">
          {stage.name}
          <span className="list-count" aria-label={countOf(count, 'deal', 'deals')}>
            {count}
          </span>
        </h2>
        <p className="deal-column__totals">
          {totals.length === 0 ? (
            <span className="deal-column__none">No value yet</span>
          ) : (
            totals.map((total) => formatMoney(total.valueMinor, total.currency)).join(' + ')
          )}
        </p>
      </header>
      <ol className="deal-column__cards" aria-labelledby={titleId}>
        {deals.map((deal) => (
          <Fragment key={deal.id}>
            {markerBefore === deal.id && marker}
            <DealCard
              deal={deal}
              tabStop={deal.id === tabStopId}
              selected={deal.id === selectedId}
              lifted={deal.id === lifted?.id}
              hintId={hintId}
              onOpen={onOpen}
              onFocusCard={onFocusCard}
              onLift={onLift}
              onDrop={onDragEnd}
            />
          </Fragment>
        ))}
        {markerBefore === 'end' && marker}
        {deals.length === 0 && dropIndex === null && <li className="deal-column__empty">Drop a deal here</li>}
      </ol>
      {count > deals.length && (
        <p className="deal-column__more">
          {deals.length === 0
            ? `${countOf(count, 'deal', 'deals')}: see them in the list.`
            : `${countOf(count - deals.length, 'more deal', 'more deals')} in the list.`}
        </p>
      )}
    </section>
  );
}
