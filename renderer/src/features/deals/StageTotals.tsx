import type { DealBoard } from '../../../../shared/schemas/deal';
import { countOf } from '../../lib/format';
import { formatMoney } from '../../lib/money';

/** Above the list: each stage's deal count and value, so the pipeline's shape shows without the board. */
export function StageTotals({ board }: { board: DealBoard }) {
  return (
    <ul className="stage-totals" aria-label="Totals per stage">
      {board.columns.map(({ stage, count, totals }) => (
        <li key={stage.id} className={`stage-totals__stage stage-totals__stage--${stage.kind}`}>
          <span className="stage-totals__name">{stage.name}</span>
          <span className="stage-totals__count">{countOf(count, 'deal', 'deals')}</span>
          <span className="stage-totals__value">
            {totals.length === 0
              ? '—'
              : totals.map((total) => formatMoney(total.valueMinor, total.currency)).join(' + ')}
          </span>
        </li>
      ))}
    </ul>
  );
}
