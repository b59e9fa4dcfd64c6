import type { KeyboardEvent } from 'react';
import type { DuplicateGroup } from '../../../../shared/schemas/duplicates';
import { Button } from '../../components/Button';
import { groupKey, reasonWords } from './duplicateWords';
import type { DuplicateKind } from './mergeSide';
import { matchesShortcut } from '../../../../shared/shortcuts';

interface GroupListProps {
  kind: DuplicateKind;
  groups: DuplicateGroup[];
  selectedKey: string | null;
  onSelect: (group: DuplicateGroup) => void;
  /** More groups than shown: a button loads the next page. */
  hasMore: boolean;
  loading: boolean;
  onLoadMore: () => void;
}

/** Who the group is: "Anna Berg and A. Berg", or "Anna Berg and 2 more". */
function namesOf(group: DuplicateGroup): string {
  const [first, second] = group.records;
  if (group.size > 2) return `${first?.name ?? ''} and ${group.size - 1} more`;
  return first?.name === second?.name
    ? `${first?.name ?? ''} (twice)`
    : `${first?.name ?? ''} and ${second?.name ?? ''}`;
}

/** The first detail the records share or differ in, so two groups with the same names can be told apart. */
function detailOf(group: DuplicateGroup): string {
  const values = group.records.flatMap((record) => [record.email, record.phone, record.detail]).filter(Boolean);
  return [...new Set(values)].slice(0, 2).join(' · ');
}

/** The look-alike groups, one button each; Up and Down move between them, Enter or a click opens one. */
export function GroupList({ kind, groups, selectedKey, onSelect, hasMore, loading, onLoadMore }: GroupListProps) {
  function onKeyDown(event: KeyboardEvent<HTMLUListElement>) {
    const moves: Record<string, (index: number, count: number) => number> = {
      ArrowDown: (index, count) => Math.min(index + 1, count - 1),
      ArrowUp: (index) => Math.max(index - 1, 0),
      Home: () => 0,
      End: (_index, count) => count - 1,
    };
    const move = matchesShortcut(event, 'menu-move') ? moves[event.key] : undefined;
    if (!move) return;
    const buttons = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('.duplicate-group')];
    const index = buttons.findIndex((button) => button === document.activeElement);
    event.preventDefault();
    buttons[move(Math.max(index, 0), buttons.length)]?.focus();
  }

  return (
    <div className="duplicate-groups">
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions -- the group buttons take focus; their arrow keys bubble to the list */}
      <ul className="duplicate-groups__list" aria-label="Possible duplicates" onKeyDown={onKeyDown}>
        {groups.map((group) => {
          const key = groupKey(group);
          return (
            <li key={key}>
              <button
                type="button"
                className="duplicate-group"
                aria-current={key === selectedKey ? 'true' : undefined}
                data-group-key={key}
                onClick={() => onSelect(group)}
              >
                <span className="duplicate-group__names">{namesOf(group)}</span>
                <span className="duplicate-group__line">
                  <span className="duplicate-reason">{reasonWords(kind, group.reason)}</span>
                  <span className="duplicate-group__detail">{detailOf(group)}</span>
                </span>
              </button>
            </li>
          );
        })}
      </ul>
      {hasMore && (
        <Button size="small" aria-disabled={loading} onClick={() => !loading && onLoadMore()}>
          Show more
        </Button>
      )}
    </div>
  );
}
