import { useEffect, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { matchesShortcut } from '../../../../shared/shortcuts';
import { clampedOptionIndex, movedOptionIndex, optionMoveOf } from './optionMoves';

interface ComboboxSetup<T> {
  /** The input's id; the listbox and its options take their ids from it. */
  id: string;
  options: readonly T[];
  /** Whether the suggestions show (a palette's always do). */
  open: boolean;
  /** Left out where the list always shows: then Escape is left to the dialog around it. */
  onOpenChange?: ((open: boolean) => void) | undefined;
  onChoose: (option: T) => void;
  /** Escape closed the list: a field may put its text back as it was. */
  onDismiss?: (() => void) | undefined;
}

/**
 * The keys and ARIA of the WAI-ARIA "combobox with listbox popup" pattern:
 * focus stays in the input and aria-activedescendant points at the
 * highlighted option. Up and Down (which also open the list), Home and End
 * move the highlight; Enter chooses; Escape closes the list, and the next
 * Escape is left to the dialog; Tab leaves as usual.
 */
export function useCombobox<T>({ id, options, open, onOpenChange, onChoose, onDismiss }: ComboboxSetup<T>) {
  const [highlighted, setHighlighted] = useState(0);
  const activeIndex = clampedOptionIndex(highlighted, options.length);
  const listboxId = `${id}-listbox`;
  const expanded = open && options.length > 0;
  const optionId = (index: number) => `${listboxId}-${index}`;
  const activeId = expanded && activeIndex >= 0 ? optionId(activeIndex) : undefined;

  // The highlighted option stays in sight as the arrows walk a list that scrolls.
  useEffect(() => {
    if (activeId) document.getElementById(activeId)?.scrollIntoView({ block: 'nearest' });
  }, [activeId]);

  const choose = (option: T | undefined) => {
    if (option !== undefined) onChoose(option);
  };

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (matchesShortcut(event, 'option-move')) {
      const move = optionMoveOf(event.key);
      if (!move) return;
      if (!open) {
        // Home and End still move the text cursor while the list is closed.
        if (move !== 'next' && move !== 'previous') return;
        event.preventDefault();
        onOpenChange?.(true);
        setHighlighted(0);
        return;
      }
      if (options.length === 0) return;
      event.preventDefault();
      setHighlighted(movedOptionIndex(activeIndex, move, options.length));
    } else if (matchesShortcut(event, 'option-choose') && expanded && activeIndex >= 0) {
      event.preventDefault();
      choose(options[activeIndex]);
    } else if (matchesShortcut(event, 'option-close') && open && onOpenChange) {
      // Only the list closes; the dialog or panel around it stays open for the next Escape.
      event.preventDefault();
      event.stopPropagation();
      onOpenChange(false);
      onDismiss?.();
    }
  }

  return {
    expanded,
    activeIndex,
    /** A new list of suggestions starts at its first. */
    highlightFirst: () => setHighlighted(0),
    inputProps: {
      id,
      role: 'combobox',
      'aria-expanded': expanded,
      'aria-controls': listboxId,
      'aria-autocomplete': 'list',
      'aria-activedescendant': activeId,
      autoComplete: 'off',
      spellCheck: false,
      onKeyDown,
    } as const,
    listboxProps: { id: listboxId, role: 'listbox' } as const,
    optionProps: (index: number) =>
      ({
        id: optionId(index),
        role: 'option',
        'aria-selected': index === activeIndex,
        // Focus stays in the input (where the keys work): the option is reached by aria-activedescendant.
        tabIndex: -1,
        onMouseMove: () => setHighlighted(index),
        // Chosen on mouse down, before the input's blur closes the list.
        onMouseDown: (event: MouseEvent) => {
          event.preventDefault();
          choose(options[index]);
        },
      }) as const,
  };
}
