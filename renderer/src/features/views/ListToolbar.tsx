import type { RefObject } from 'react';
import { countOf } from '../../lib/format';
import { isNarrowed } from '../../lib/pagedRows';
import type { RecordList } from '../../lib/useRecordList';
import type { BulkTarget } from '../bulk';
import { SearchBox } from '../../components/SearchBox';
import { BrokenViewBanner } from './BrokenViewBanner';
import { ListFilters } from './ListFilters';
import { useSavedViews } from './useSavedViews';
import { stillNamed } from './viewProblems';
import { ViewPicker } from './ViewPicker';

interface ListToolbarProps<Row, Sort extends string> {
  /** The kind of record listed, with its words. */
  target: BulkTarget;
  list: RecordList<Row, Sort>;
  searchRef: RefObject<HTMLInputElement | null>;
  placeholder: string;
}

/**
 * Over a list: its search box, tag and field filters, saved views, and how
 * many records it shows; under them, what a picked view misses while the
 * list still filters by it.
 */
export function ListToolbar<Row, Sort extends string>({
  target,
  list,
  searchRef,
  placeholder,
}: ListToolbarProps<Row, Sort>) {
  const { total, more, query, updating } = list.snapshot;
  const narrowed = isNarrowed(query);
  const countLabel =
    total === null || (total === 0 && !narrowed)
      ? ''
      : narrowed
        ? countOf(total, 'match', 'matches', more)
        : countOf(total, target.singular, target.plural);
  const saved = useSavedViews(target.kind);
  const missing = saved.chosen?.problems.filter((problem) => stillNamed(problem, list.current)) ?? [];
  return (
    <>
      <div className="list-screen__toolbar">
        <SearchBox
          value={list.searchText}
          onChange={list.setSearchText}
          inputRef={searchRef}
          busy={updating && list.searchText.trim() !== ''}
          placeholder={placeholder}
        />
        <ListFilters kind={target.kind} filters={list.filters} onChange={list.setFilters} />
        <ViewPicker
          kind={target.kind}
          plural={target.plural}
          saved={saved}
          current={list.current}
          everything={list.everything}
          onApply={list.apply}
        />
        <p className="list-screen__count" aria-live="polite">
          {countLabel}
        </p>
      </div>
      {saved.chosen && missing.length > 0 && <BrokenViewBanner view={saved.chosen} problems={missing} />}
    </>
  );
}
