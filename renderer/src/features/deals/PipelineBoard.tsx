import { useCallback, useEffect, useId, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import type { DealBoard, DealSummary } from '../../../../shared/schemas/deal';
import type { CrmError } from '../../api';
import { useToast } from '../../components/Toast';
import { StageColumn } from './StageColumn';
import { matchesShortcut } from '../../../../shared/shortcuts';

interface PipelineBoardProps {
  board: DealBoard;
  selectedId: number | null;
  onMove: (deal: DealSummary, stageId: number, index: number) => Promise<CrmError | null>;
  onOpen: (deal: DealSummary, how: 'pointer' | 'keyboard') => void;
}

interface CardPlace {
  column: number;
  index: number;
}

function placeOf(board: DealBoard, dealId: number | null): CardPlace | null {
  for (const [column, { deals }] of board.columns.entries()) {
    const index = deals.findIndex((deal) => deal.id === dealId);
    if (index >= 0) return { column, index };
  }
  return null;
}

/**
 * The pipeline as columns of cards. Cards are dragged with the pointer, or
 * moved with the keyboard: arrows walk between cards, Alt (or Ctrl) with an
 * arrow carries the focused card to the next stage or up and down its own.
 * Each move is said aloud through a live region.
 */
export function PipelineBoard({ board, selectedId, onMove, onOpen }: PipelineBoardProps) {
  const showToast = useToast();
  const hintId = useId();
  const boardRef = useRef<HTMLDivElement>(null);
  const [activeId, setActiveId] = useState<number | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [lifted, setLifted] = useState<DealSummary | null>(null);
  const [drop, setDrop] = useState<{ stageId: number; index: number } | null>(null);
  const focusPending = useRef(false);

  const active = placeOf(board, activeId);
  const firstCard = board.columns.flatMap((column) => column.deals)[0];
  const tabStopId = active ? activeId : (firstCard?.id ?? null);

  // Focus follows the keyboard once the card has been drawn in its new place.
  useEffect(() => {
    if (!focusPending.current || activeId === null) return;
    const card = boardRef.current?.querySelector<HTMLElement>(`[data-deal-id="${activeId}"]`);
    if (card) {
      card.focus();
      card.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      focusPending.current = false;
    }
  });

  const focusCard = (deal: DealSummary | undefined) => {
    if (!deal) return;
    focusPending.current = true;
    setActiveId(deal.id);
  };

  const move = useCallback(
    async (deal: DealSummary, stageId: number, index: number) => {
      const target = board.columns.find((column) => column.stage.id === stageId);
      if (!target) return;
      const inTarget = target.count + (deal.stageId === stageId ? 0 : 1);
      setAnnouncement(
        `${deal.title} moved to ${target.stage.name}, position ${Math.min(index, inTarget - 1) + 1} of ${inTarget}.`,
      );
      const error = await onMove(deal, stageId, index);
      if (error) {
        setAnnouncement(`${deal.title} could not be moved; it is back in ${deal.stageName}.`);
        showToast(`“${deal.title}” was not moved: ${error.message}`, 'problem');
      }
    },
    [board, onMove, showToast],
  );

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!(event.target instanceof HTMLElement) || !event.target.dataset.dealId || !active) return;
    const column = board.columns[active.column]!;
    const deal = column.deals[active.index]!;
    if (matchesShortcut(event, 'card-open')) {
      event.preventDefault();
      onOpen(deal, 'keyboard');
      return;
    }
    const moving = matchesShortcut(event, 'card-move');
    if (!moving && !matchesShortcut(event, 'card-focus')) return;
    const horizontal = event.key === 'ArrowLeft' ? -1 : event.key === 'ArrowRight' ? 1 : 0;
    const vertical = event.key === 'ArrowUp' ? -1 : event.key === 'ArrowDown' ? 1 : 0;
    event.preventDefault();
    if (moving) {
      if (horizontal !== 0) {
        const neighbour = board.columns[active.column + horizontal];
        if (!neighbour) return;
        focusPending.current = true;
        void move(deal, neighbour.stage.id, 0);
      } else if (vertical !== 0) {
        const index = active.index + vertical;
        if (index < 0 || index >= column.deals.length) return;
        focusPending.current = true;
        void move(deal, column.stage.id, index);
      }
      return;
    }
    if (event.key === 'Home') focusCard(column.deals[0]);
    else if (event.key === 'End') focusCard(column.deals[column.deals.length - 1]);
    else if (vertical !== 0) focusCard(column.deals[active.index + vertical]);
    else {
      // The nearest stage that way with cards in it, at about the same height.
      for (let next = active.column + horizontal; next >= 0 && next < board.columns.length; next += horizontal) {
        const { deals } = board.columns[next]!;
        if (deals.length > 0) {
          focusCard(deals[Math.min(active.index, deals.length - 1)]);
          break;
        }
      }
    }
  };

  const onLift = useCallback((deal: DealSummary, event: DragEvent<HTMLElement>) => {
    event.dataTransfer.setData('text/plain', deal.title);
    event.dataTransfer.effectAllowed = 'move';
    setLifted(deal);
    setActiveId(deal.id);
  }, []);

  const onDragOverColumn = (stageId: number, event: DragEvent<HTMLElement>) => {
    if (!lifted) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    // The card lands before the first other card whose middle is below the pointer.
    const cards = [...event.currentTarget.querySelectorAll<HTMLElement>('[data-deal-id]')].filter(
      (card) => card.dataset.dealId !== String(lifted.id),
    );
    const below = cards.findIndex((card) => {
      const box = card.getBoundingClientRect();
      return event.clientY < box.top + box.height / 2;
    });
    const index = below === -1 ? cards.length : below;
    if (drop?.stageId !== stageId || drop.index !== index) setDrop({ stageId, index });
  };

  const endDrag = useCallback(() => {
    setLifted(null);
    setDrop(null);
  }, []);

  const onDropOnColumn = (event: DragEvent<HTMLElement>) => {
    if (!lifted || !drop) return;
    event.preventDefault();
    const from = placeOf(board, lifted.id);
    const unchanged =
      from !== null && board.columns[from.column]!.stage.id === drop.stageId && from.index === drop.index;
    if (!unchanged) void move(lifted, drop.stageId, drop.index);
    endDrag();
  };

  const openWithPointer = useCallback((deal: DealSummary) => onOpen(deal, 'pointer'), [onOpen]);
  const onFocusCard = useCallback((deal: DealSummary) => setActiveId(deal.id), []);

  return (
    <div className="deal-board-area">
      <p id={hintId} className="deal-board__hint">
        Drag a deal to another stage. With the keyboard: arrows pick a deal, <kbd>Alt</kbd> + <kbd>←</kbd> <kbd>→</kbd>{' '}
        moves it to another stage, <kbd>Alt</kbd> + <kbd>↑</kbd> <kbd>↓</kbd> within its stage, <kbd>Enter</kbd> opens
        it.
      </p>
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions -- the cards take focus (roving); their keys bubble to the board */}
      <div
        ref={boardRef}
        className={lifted ? 'deal-board deal-board--dragging' : 'deal-board'}
        role="group"
        aria-label="Pipeline"
        onKeyDown={onKeyDown}
        onDragLeave={(event) => {
          if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDrop(null);
        }}
      >
        {board.columns.map((column) => (
          <StageColumn
            key={column.stage.id}
            column={column}
            tabStopId={tabStopId}
            selectedId={selectedId}
            lifted={lifted}
            dropIndex={drop?.stageId === column.stage.id ? drop.index : null}
            hintId={hintId}
            onOpen={openWithPointer}
            onFocusCard={onFocusCard}
            onLift={onLift}
            onDragOverColumn={onDragOverColumn}
            onDropOnColumn={onDropOnColumn}
            onDragEnd={endDrag}
          />
        ))}
      </div>
      <p className="visually-hidden" aria-live="assertive">
        {announcement}
      </p>
    </div>
  );
}
