import { describe, expect, it } from 'vitest';
import type { DealBoard, DealSummary } from '../../../../shared/schemas/deal';
import { boardWithMove } from './boardMoves';

const stages = [
  { id: 1, name: 'Lead', kind: 'open', position: 0 },
  { id: 2, name: 'Proposal', kind: 'open', position: 1 },
  { id: 3, name: 'Won', kind: 'won', position: 2 },
] as const;

function deal(id: number, stageId: number, valueMinor: number, currency = 'EUR'): DealSummary {
  const stage = stages.find((candidate) => candidate.id === stageId)!;
  return {
    id,
    title: `Deal ${id}`,
    companyId: null,
    companyName: '',
    contactId: null,
    contactName: '',
    valueMinor,
    currency,
    stageId,
    stageName: stage.name,
    stageKind: stage.kind,
    expectedCloseDate: null,
    owner: '',
    probability: null,
    tagIds: [],
    updatedAt: '2026-12-01T09:00:00.000Z',
  };
}

/** A board as the core sends it: each column's count and per-currency totals (sorted by currency) cover its cards. */
function boardOf(deals: DealSummary[]): DealBoard {
  return {
    columns: stages.map((stage) => {
      const cards = deals.filter((card) => card.stageId === stage.id);
      const currencies = [...new Set(cards.map((card) => card.currency))].sort();
      return {
        stage: { ...stage },
        count: cards.length,
        totals: currencies.map((currency) => ({
          currency,
          valueMinor: cards
            .filter((card) => card.currency === currency)
            .reduce((sum, card) => sum + card.valueMinor, 0),
        })),
        deals: cards,
      };
    }),
  };
}

const ids = (board: DealBoard, stageId: number) =>
  board.columns.find((column) => column.stage.id === stageId)!.deals.map((card) => card.id);

const column = (board: DealBoard, stageId: number) =>
  board.columns.find((candidate) => candidate.stage.id === stageId)!;

describe('the board the moment a card is dropped', () => {
  const lead = [deal(1, 1, 1000), deal(2, 1, 2000), deal(3, 1, 3000), deal(4, 1, 500, 'USD')];
  const proposal = [deal(5, 2, 7000), deal(6, 2, 100)];
  const board = boardOf([...lead, ...proposal]);

  it('moves a card to another stage at the place it was dropped, with counts and totals as the core will send them', () => {
    const moved = boardWithMove(board, lead[1]!, 2, 1);
    expect(ids(moved, 1)).toEqual([1, 3, 4]);
    expect(ids(moved, 2)).toEqual([5, 2, 6]);
    expect(moved).toEqual(boardOf([lead[0]!, lead[2]!, lead[3]!, proposal[0]!, deal(2, 2, 2000), proposal[1]!]));
    // The moved card says where it is now.
    const card = column(moved, 2).deals[1]!;
    expect([card.stageId, card.stageName, card.stageKind]).toEqual([2, 'Proposal', 'open']);
  });

  it('puts a card first at index 0, and last at the end or at any index past it', () => {
    expect(ids(boardWithMove(board, lead[3]!, 2, 0), 2)).toEqual([4, 5, 6]);
    expect(ids(boardWithMove(board, lead[3]!, 2, 2), 2)).toEqual([5, 6, 4]);
    expect(ids(boardWithMove(board, lead[3]!, 2, 1_000_000), 2)).toEqual([5, 6, 4]);
  });

  it('reorders within the same stage: the index counts the other cards, and count and totals stay', () => {
    const toEnd = boardWithMove(board, lead[0]!, 1, 3);
    expect(ids(toEnd, 1)).toEqual([2, 3, 4, 1]);
    const toTop = boardWithMove(board, lead[3]!, 1, 0);
    expect(ids(toTop, 1)).toEqual([4, 1, 2, 3]);
    const inPlace = boardWithMove(board, lead[1]!, 1, 1);
    expect(ids(inPlace, 1)).toEqual([1, 2, 3, 4]);
    for (const moved of [toEnd, toTop, inPlace]) {
      expect(column(moved, 1).count).toBe(4);
      expect(column(moved, 1).totals).toEqual(column(board, 1).totals);
      expect(column(moved, 2)).toBe(column(board, 2));
    }
  });

  it('drops a currency from a stage once no card there uses it, and adds it, in order, where one arrives', () => {
    const moved = boardWithMove(board, lead[3]!, 2, 0);
    expect(column(moved, 1).totals).toEqual([{ currency: 'EUR', valueMinor: 6000 }]);
    expect(column(moved, 2).totals).toEqual([
      { currency: 'EUR', valueMinor: 7100 },
      { currency: 'USD', valueMinor: 500 },
    ]);
    const sek = deal(7, 1, 900, 'SEK');
    const withSek = boardWithMove(boardOf([...lead, sek, ...proposal]), sek, 2, 0);
    expect(column(withSek, 2).totals.map((total) => total.currency)).toEqual(['EUR', 'SEK']);
  });

  it('keeps a currency total that cards beyond the loaded ones still hold', () => {
    // The column counts more deals than it shows: a USD card the board did not load still adds 800.
    const shown = boardOf([...lead, ...proposal]);
    const partial: DealBoard = {
      columns: shown.columns.map((candidate) =>
        candidate.stage.id === 1
          ? {
              ...candidate,
              count: candidate.count + 1,
              totals: candidate.totals.map((total) =>
                total.currency === 'USD' ? { ...total, valueMinor: total.valueMinor + 800 } : total,
              ),
            }
          : candidate,
      ),
    };
    const moved = boardWithMove(partial, lead[3]!, 3, 0);
    expect(column(moved, 1).count).toBe(4);
    expect(column(moved, 1).totals).toContainEqual({ currency: 'USD', valueMinor: 800 });
    expect(column(moved, 3)).toMatchObject({ count: 1, totals: [{ currency: 'USD', valueMinor: 500 }] });
  });

  it('a move to a stage that is not on the board changes nothing', () => {
    expect(boardWithMove(board, lead[0]!, 99, 0)).toBe(board);
  });

  it('a card from a stage the board does not show (closed, filtered out) only arrives', () => {
    const hidden = { ...deal(8, 3, 4000), stageId: 42, stageName: 'Archived', stageKind: 'lost' as const };
    const moved = boardWithMove(board, hidden, 2, 0);
    expect(ids(moved, 2)).toEqual([8, 5, 6]);
    expect(column(moved, 2).count).toBe(3);
    expect(column(moved, 1)).toBe(column(board, 1));
  });

  it('leaves the board it was given as it was', () => {
    const before = structuredClone(board);
    boardWithMove(board, lead[0]!, 2, 0);
    boardWithMove(board, lead[0]!, 1, 2);
    expect(board).toEqual(before);
  });
});
