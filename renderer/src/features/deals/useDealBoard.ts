import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { DealBoard, DealSummary } from '../../../../shared/schemas/deal';
import { invoke, toCrmError, type CrmError } from '../../api';
import { boardWithMove } from './boardMoves';

export interface BoardState {
  /** null until the first load arrives. */
  board: DealBoard | null;
  /** The last load that failed, until one succeeds. */
  error: CrmError | null;
  reload: () => void;
  /** Moves the card on screen at once, then asks the core; on failure the card goes back and the error is returned. */
  move: (deal: DealSummary, stageId: number, index: number) => Promise<CrmError | null>;
}

/**
 * Cards a column shows: more than a screen holds; a stage's others are in the
 * list ("N more deals in the list"). Each card costs the load about 7 µs, and
 * the board must load in 5 ms at 30,000 deals (issue 10).
 */
const cardsPerColumn = 50;

/** Every stage with its counts, totals and cards (won and lost ones too), for the board and the list's totals strip. */
export function useDealBoard(): BoardState {
  const [board, setBoard] = useState<DealBoard | null>(null);
  const [error, setError] = useState<CrmError | null>(null);
  // Each load or move takes a number; a reply that is not the newest is dropped, so it can never undo a later move on screen.
  const latest = useRef(0);
  // The board as last rendered, for a move to start from and go back to.
  const boardRef = useRef<DealBoard | null>(null);
  useLayoutEffect(() => {
    boardRef.current = board;
  }, [board]);

  const reload = useCallback(() => {
    const mine = ++latest.current;
    invoke('deals.board', { includeClosed: true, cardsPerStage: cardsPerColumn }).then(
      (loaded) => {
        if (mine !== latest.current) return;
        setBoard(loaded);
        setError(null);
      },
      (thrown: unknown) => mine === latest.current && setError(toCrmError(thrown)),
    );
  }, []);

  useEffect(reload, [reload]);

  const move = useCallback(
    async (deal: DealSummary, stageId: number, index: number): Promise<CrmError | null> => {
      const before = boardRef.current;
      if (!before) return null;
      ++latest.current;
      setBoard(boardWithMove(before, deal, stageId, index));
      try {
        await invoke('deals.move', { id: deal.id, stageId, index });
        return null;
      } catch (thrown) {
        setBoard(before);
        return toCrmError(thrown);
      } finally {
        // The core's own view of counts and totals (other cards may have changed meanwhile).
        reload();
      }
    },
    [reload],
  );

  return { board, error, reload, move };
}
