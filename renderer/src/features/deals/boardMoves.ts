import type { DealBoard, DealSummary } from '../../../../shared/schemas/deal';

type Column = DealBoard['columns'][number];
type Totals = Column['totals'];

function withDeal(totals: Totals, deal: DealSummary): Totals {
  const existing = totals.find((total) => total.currency === deal.currency);
  if (!existing)
    return [...totals, { currency: deal.currency, valueMinor: deal.valueMinor }].sort((a, b) =>
      a.currency.localeCompare(b.currency),
    );
  return totals.map((total) =>
    total === existing ? { ...total, valueMinor: total.valueMinor + deal.valueMinor } : total,
  );
}

/** The totals without the deal; a currency drops out once no card left in the stage uses it, as the core leaves it out. */
function withoutDeal(totals: Totals, deal: DealSummary, remaining: readonly DealSummary[]): Totals {
  return totals
    .map((total) =>
      total.currency === deal.currency ? { ...total, valueMinor: total.valueMinor - deal.valueMinor } : total,
    )
    .filter(
      (total) =>
        total.currency !== deal.currency ||
        total.valueMinor > 0 ||
        remaining.some((card) => card.currency === deal.currency),
    );
}

/**
 * The board as it will be once the core has moved the deal: what the user sees
 * the moment they drop a card, before the reply comes. `index` counts the
 * target stage's other cards, as deals.move does.
 */
export function boardWithMove(board: DealBoard, deal: DealSummary, stageId: number, index: number): DealBoard {
  const target = board.columns.find((column) => column.stage.id === stageId);
  if (!target) return board;
  const moved: DealSummary = { ...deal, stageId, stageName: target.stage.name, stageKind: target.stage.kind };
  const columns = board.columns.map((column) => {
    const others = column.deals.filter((card) => card.id !== deal.id);
    const left = column.stage.id === deal.stageId && column.stage.id !== stageId;
    const entered = column.stage.id === stageId && deal.stageId !== stageId;
    if (column.stage.id === stageId) {
      others.splice(Math.min(index, others.length), 0, moved);
      return entered
        ? { ...column, deals: others, count: column.count + 1, totals: withDeal(column.totals, deal) }
        : { ...column, deals: others };
    }
    return left
      ? { ...column, deals: others, count: column.count - 1, totals: withoutDeal(column.totals, deal, others) }
      : column;
  });
  return { columns };
}
