import { useRef, type KeyboardEvent } from 'react';
import './Tabs.css';
import { matchesShortcut } from '../../../shared/shortcuts';

interface TabsProps<T extends string> {
  /** What the tabs choose between, for screen readers ("Record kind"). */
  label: string;
  tabs: ReadonlyArray<{ id: T; label: string }>;
  selected: T;
  onSelect: (id: T) => void;
  /** The id of the one tab panel the tabs control; the caller renders it with tabPanelProps. */
  panelId: string;
}

const tabIdOf = (panelId: string, id: string) => `${panelId}-tab-${id}`;

/** Props for the panel the tabs control: labelled by the selected tab. */
export function tabPanelProps(panelId: string, selected: string) {
  return { id: panelId, role: 'tabpanel', 'aria-labelledby': tabIdOf(panelId, selected) } as const;
}

/** A row of tabs: one Tab stop, arrow keys (and Home/End) move between tabs and select as they go. */
export function Tabs<T extends string>({ label, tabs, selected, onSelect, panelId }: TabsProps<T>) {
  const listRef = useRef<HTMLDivElement>(null);

  function onKeyDown(event: KeyboardEvent<HTMLButtonElement>) {
    const index = tabs.findIndex((tab) => tab.id === selected);
    const moves: Record<string, number> = {
      ArrowRight: index + 1,
      ArrowLeft: index - 1,
      Home: 0,
      End: tabs.length - 1,
    };
    const target = matchesShortcut(event, 'tab-move') ? moves[event.key] : undefined;
    if (target === undefined) return;
    event.preventDefault();
    const next = tabs[(target + tabs.length) % tabs.length];
    if (!next) return;
    onSelect(next.id);
    listRef.current?.querySelector<HTMLElement>(`#${CSS.escape(tabIdOf(panelId, next.id))}`)?.focus();
  }

  return (
    <div ref={listRef} className="tabs" role="tablist" aria-label={label}>
      {tabs.map((tab) => (
        <button
          key={tab.id}
          id={tabIdOf(panelId, tab.id)}
          type="button"
          role="tab"
          className="tabs__tab"
          aria-selected={tab.id === selected}
          aria-controls={panelId}
          tabIndex={tab.id === selected ? 0 : -1}
          onClick={() => onSelect(tab.id)}
          onKeyDown={onKeyDown}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}
