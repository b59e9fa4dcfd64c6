import { useId, useMemo, useRef, useState } from 'react';
import type { SearchHit } from '../../../../shared/schemas/search';
import { nothingToSearchForWords } from '../../../../shared/search-words';
import { toCrmError } from '../../api';
import { useCombobox } from '../../components/combobox/useCombobox';
import { Dialog } from '../../components/Dialog';
import { Icon } from '../../components/Icon';
import { useNavigation } from '../../navigation';
import { Highlighted } from './Highlighted';
import { queryWords } from './highlight';
import { matchActions } from './matchActions';
import { placeOfRecord } from '../../lib/placeOfRecord';
import { recordKindLook } from './recordKindLook';
import { usePaletteActions, type PaletteAction } from './usePaletteActions';
import { useSearchResults } from './useSearchResults';
import './CommandPalette.css';

/** One row the arrows move through: a record found, or an action. */
type PaletteItem = { type: 'record'; hit: SearchHit } | { type: 'action'; action: PaletteAction };

interface PaletteSection {
  key: string;
  title: string;
  /** "12", or "100+" when the core stopped counting. */
  count?: string;
  items: PaletteItem[];
}

/**
 * The palette itself: one input, the records that match as the user types
 * (grouped by kind, best first) and the actions that match the words. The
 * input keeps focus; the arrows move the highlighted row (aria-activedescendant).
 */
export function PaletteDialog({ onClose }: { onClose: () => void }) {
  const { go } = useNavigation();
  const actions = usePaletteActions();
  const [text, setText] = useState('');
  const [openError, setOpenError] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const search = useSearchResults(text);
  const searching = text.trim() !== '';

  const paletteSections = useMemo<PaletteSection[]>(() => {
    const found = searching
      ? search.groups.map((group) => ({
          key: group.kind,
          title: recordKindLook[group.kind].many,
          count: group.more ? `${group.total}+` : String(group.total),
          items: group.hits.map((hit): PaletteItem => ({ type: 'record', hit })),
        }))
      : [];
    const matching = matchActions(actions, text);
    return matching.length > 0
      ? [
          ...found,
          {
            key: 'actions',
            title: 'Actions',
            items: matching.map((action): PaletteItem => ({ type: 'action', action })),
          },
        ]
      : found;
  }, [searching, search.groups, actions, text]);
  const items = paletteSections.flatMap((section) => section.items);
  // Where each section's rows start in `items`, which the arrows walk through.
  const sectionStarts = paletteSections.map((_, sectionIndex) =>
    paletteSections.slice(0, sectionIndex).reduce((sum, section) => sum + section.items.length, 0),
  );
  const words = useMemo(() => queryWords(search.answered), [search.answered]);

  const combobox = useCombobox({ id: inputId, options: items, open: true, onChoose: (item) => void choose(item) });
  const listId = combobox.listboxProps.id;
  // A new list starts at its first row.
  const [shownSections, setShownSections] = useState(paletteSections);
  if (shownSections !== paletteSections) {
    setShownSections(paletteSections);
    combobox.highlightFirst();
  }

  async function choose(item: PaletteItem) {
    if (item.type === 'action') {
      onClose();
      item.action.run();
      return;
    }
    try {
      // Found before closing, so a failure (an activity deleted meanwhile) shows here with the palette still open.
      const target = await placeOfRecord(item.hit);
      // Closed first: a screen ignores requests while a dialog makes the app behind it inert.
      onClose();
      if (target) void go(target.place, { type: 'open', id: target.id });
    } catch (error) {
      setOpenError(toCrmError(error).message);
    }
  }

  const problem = openError ?? search.error;
  const nothingToSearchFor = nothingToSearchForWords(text);
  const nothingFound = searching && search.answered === text && !search.error && search.groups.length === 0;

  return (
    <Dialog title="Search everything" onCancel={onClose} initialFocus={inputRef} size="medium">
      <div className="palette">
        <div className="palette__field">
          <Icon name="search" size={18} className="palette__field-icon" />
          <input
            ref={inputRef}
            className="palette__input"
            type="text"
            {...combobox.inputProps}
            aria-label="Search contacts, companies, deals and activities, or type a command"
            placeholder="Search contacts, companies, deals, activities… or type a command"
            value={text}
            onChange={(event) => {
              setText(event.target.value);
              setOpenError(null);
            }}
          />
        </div>
        {problem && (
          <p className="palette__problem" role="status">
            <Icon name="alert" size={15} />
            {problem}
          </p>
        )}
        {/* Always in the page, so a screen reader hears each new message. */}
        <p className="palette__nothing" role="status">
          {nothingToSearchFor
            ? `${nothingToSearchFor}.`
            : nothingFound && `Nothing matches “${text.length > 60 ? `${text.slice(0, 60)}…` : text}”.`}
        </p>
        <div {...combobox.listboxProps} className="palette__list" aria-label="Results and actions">
          {paletteSections.map((section, sectionIndex) => (
            <div key={section.key} role="group" aria-labelledby={`${listId}-${section.key}`} className="palette__group">
              <div id={`${listId}-${section.key}`} className="palette__group-title">
                <span>{section.title}</span>
                {section.count && <span className="palette__count">{section.count}</span>}
              </div>
              {section.items.map((item, position) => {
                const itemIndex = sectionStarts[sectionIndex]! + position;
                const active = itemIndex === combobox.activeIndex;
                return (
                  <div
                    key={item.type === 'record' ? `${item.hit.kind}-${item.hit.id}` : item.action.id}
                    className={active ? 'palette__item palette__item--active' : 'palette__item'}
                    {...combobox.optionProps(itemIndex)}
                  >
                    <Icon
                      name={item.type === 'record' ? recordKindLook[item.hit.kind].icon : item.action.icon}
                      size={16}
                      className="palette__item-icon"
                    />
                    {item.type === 'record' ? (
                      <span className="palette__item-text">
                        <span className="palette__item-title">
                          <Highlighted text={item.hit.title} words={words} />
                        </span>
                        {item.hit.subtitle && (
                          <span className="palette__item-subtitle">
                            <Highlighted text={item.hit.subtitle} words={words} />
                          </span>
                        )}
                      </span>
                    ) : (
                      <span className="palette__item-text">
                        <span className="palette__item-title">{item.action.label}</span>
                      </span>
                    )}
                    {active && <Icon name="chevronRight" size={15} className="palette__item-go" />}
                  </div>
                );
              })}
            </div>
          ))}
        </div>
        <p className="palette__keys" aria-hidden="true">
          <span>
            <kbd>↑</kbd> <kbd>↓</kbd> to move
          </span>
          <span>
            <kbd>Enter</kbd> to open
          </span>
          <span>
            <kbd>Esc</kbd> to close
          </span>
        </p>
      </div>
    </Dialog>
  );
}
