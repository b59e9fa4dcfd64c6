import type { CustomFilter } from '../../../shared/schemas/common';
import type { ConsentStatus } from '../../../shared/schemas/marketing';
import { toCrmError, type CrmError } from '../api';

/** What narrows a list besides its search: tags and custom-field conditions. */
export interface ListFilters {
  tagIds: number[];
  tagMatch: 'any' | 'all';
  custom: CustomFilter[];
  /** Contacts only: the people a saved segment matches now. */
  segmentId?: number;
  /** Contacts and companies: any of these lead sources ('' for none). Left out when not filtering, so other lists never send it. */
  leadSources?: string[];
  /** Contacts: any of these consent statuses; left out when not filtering. */
  consent?: ConsentStatus[];
}

export const noFilters: ListFilters = { tagIds: [], tagMatch: 'any', custom: [] };

export interface ListQuery<Sort extends string = string> {
  sort: Sort;
  direction: 'asc' | 'desc';
  search: string;
  filters: ListFilters;
}

/** A query as the list channels take it (without paging). */
export function listRequest<Sort extends string>(query: ListQuery<Sort>) {
  const { filters, ...rest } = query;
  return { ...rest, ...filters };
}

/** A list channel's request for one page of a query. */
export function pageRequest<Sort extends string>(query: ListQuery<Sort>, offset: number, limit: number) {
  return { ...listRequest(query), offset, limit };
}

/** A search or a filter leaves some records out. */
export const isNarrowed = (query: ListQuery): boolean =>
  query.search !== '' ||
  query.filters.tagIds.length > 0 ||
  query.filters.custom.length > 0 ||
  query.filters.segmentId !== undefined ||
  (query.filters.leadSources ?? []).length > 0 ||
  (query.filters.consent ?? []).length > 0;

/** Tells two queries apart (same key, same rows). */
export const queryKey = (query: ListQuery): string =>
  JSON.stringify([query.sort, query.direction, query.search, query.filters]);

/** One page of a list channel's reply: the rows and how many match in all (while searching, at least `total` when `more`: "1,000+"). */
export interface RowPage<Row> {
  total: number;
  more: boolean;
  rows: readonly Row[];
}

export type FetchPage<Row, Sort extends string> = (
  query: ListQuery<Sort>,
  offset: number,
  limit: number,
) => Promise<RowPage<Row>>;

export interface PagesSnapshot<Row = unknown, Sort extends string = string> {
  /** The query whose rows are on screen (a newer one may be loading). */
  query: ListQuery<Sort>;
  /** Rows matching `query`; null before the first page arrives. With `more`, at least this many: a searching list counts to 1,000, or to the furthest page read. */
  total: number | null;
  more: boolean;
  /** A newer query or a refresh is on its way. */
  updating: boolean;
  /** The last load that failed, until one succeeds. */
  error: CrmError | null;
  /** The row at a position, or undefined while its page loads. */
  rowAt: (index: number) => Row | undefined;
}

/** One query's pages. A new query or a refresh starts a new generation; replies for old ones are dropped. */
interface Generation<Row, Sort extends string> {
  query: ListQuery<Sort>;
  total: number | null;
  more: boolean;
  pages: Map<number, readonly Row[]>;
  loading: Set<number>;
}

const sameQuery = (a: ListQuery, b: ListQuery): boolean => queryKey(a) === queryKey(b);

/**
 * Rows the grid lays out: the count, and while it is capped one more, a
 * placeholder that loads the next page when scrolled to (each page further
 * counts further), so scrolling reaches every match.
 */
export const rowsToShow = (total: number | null, more: boolean): number => (total ?? 0) + (more ? 1 : 0);

/** A reply's count joined to what the generation knew: an exact count stands; capped ones only grow. */
function countAfter(
  known: { total: number | null; more: boolean },
  reply: { total: number; more: boolean },
): { total: number; more: boolean } {
  if (!reply.more) return { total: reply.total, more: false };
  if (known.total !== null && !known.more) return { total: known.total, more: false };
  return { total: Math.max(known.total ?? 0, reply.total), more: true };
}

/** Pages kept per generation; enough for fast scrolling back, small enough to never hold the whole table. */
const maxCachedPages = 40;

/**
 * A list's data (contacts, companies…): reads pages of its list channel only for the rows
 * the user can see, caches them, and swaps to a new query's rows only once
 * they have arrived, so typing in Search never flashes an empty list and a
 * slow reply to an older search can never replace a newer one.
 */
export class PagedRows<Row, Sort extends string> {
  private shown: Generation<Row, Sort>;
  private incoming: Generation<Row, Sort> | null = null;
  private wanted: ListQuery<Sort>;
  private error: CrmError | null = null;
  private range = { first: 0, last: 0 };
  private readonly listeners = new Set<() => void>();
  private snapshot: PagesSnapshot<Row, Sort>;

  constructor(
    private readonly fetchPage: FetchPage<Row, Sort>,
    query: ListQuery<Sort>,
    readonly pageSize = 100,
  ) {
    this.wanted = query;
    this.shown = generation<Row, Sort>(query);
    this.snapshot = this.takeSnapshot();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): PagesSnapshot<Row, Sort> => this.snapshot;

  /** Asks for another sort or search; the list starts again from the top. */
  setQuery(query: ListQuery<Sort>): void {
    if (sameQuery(query, this.wanted)) return;
    this.wanted = query;
    this.incoming = generation<Row, Sort>(query);
    this.load(this.incoming, 0);
    this.emit();
  }

  /** Reloads what is on screen, after something changed the data (save, delete). */
  refresh(): void {
    this.error = null;
    const next = generation<Row, Sort>(this.wanted);
    this.incoming = next;
    const sameRows = sameQuery(this.wanted, this.shown.query);
    const [firstPage, lastPage] = sameRows ? this.pagesFor(this.range.first, this.range.last, null) : [0, 0];
    for (let page = firstPage; page <= lastPage; page++) this.load(next, page);
    this.emit();
  }

  /** Makes sure the rows first..last (inclusive) are loaded or loading. */
  ensure(first: number, last: number): void {
    this.range = { first, last };
    // After a failure, wait for refresh() ("Try again") rather than retrying on every scroll.
    if (this.error) return;
    const target = this.incoming ?? this.shown;
    // Until the first reply gives the total, we do not know which pages exist (and a new query starts at the top).
    if (target.total === null && target.loading.size > 0) return;
    const [firstPage, lastPage] = this.pagesFor(
      first,
      last,
      target.total === null ? null : rowsToShow(target.total, target.more),
    );
    for (let page = firstPage; page <= lastPage; page++) {
      if (!target.pages.has(page) && !target.loading.has(page)) this.load(target, page);
    }
  }

  private pagesFor(first: number, last: number, rows: number | null): [number, number] {
    const end = rows === null ? last : Math.min(last, Math.max(rows - 1, 0));
    return [Math.floor(Math.max(first, 0) / this.pageSize), Math.floor(Math.max(end, first, 0) / this.pageSize)];
  }

  private load(target: Generation<Row, Sort>, page: number): void {
    target.loading.add(page);
    this.fetchPage(target.query, page * this.pageSize, this.pageSize).then(
      (result) => {
        target.loading.delete(page);
        if (target !== this.shown && target !== this.incoming) return; // a reply to an older query
        target.pages.set(page, result.rows);
        Object.assign(target, countAfter(target, result));
        this.evictFarPages(target);
        // Show the new rows once everything asked for them has arrived.
        if (target === this.incoming && target.loading.size === 0) {
          this.shown = target;
          this.incoming = null;
        }
        this.error = null;
        this.emit();
      },
      (error: unknown) => {
        target.loading.delete(page);
        if (target !== this.shown && target !== this.incoming) return;
        // Keep showing what we had; the error says why nothing changed.
        if (target === this.incoming) this.incoming = null;
        this.error = toCrmError(error);
        this.emit();
      },
    );
  }

  private evictFarPages(target: Generation<Row, Sort>): void {
    if (target.pages.size <= maxCachedPages) return;
    const centre = Math.floor((this.range.first + this.range.last) / 2 / this.pageSize);
    const byDistance = [...target.pages.keys()].sort((a, b) => Math.abs(b - centre) - Math.abs(a - centre));
    for (const page of byDistance.slice(0, target.pages.size - maxCachedPages)) target.pages.delete(page);
  }

  private emit(): void {
    this.snapshot = this.takeSnapshot();
    this.listeners.forEach((listener) => listener());
  }

  private takeSnapshot(): PagesSnapshot<Row, Sort> {
    const { query, total, more, pages } = this.shown;
    const pageSize = this.pageSize;
    return {
      query,
      total,
      more,
      updating: this.incoming !== null,
      error: this.error,
      rowAt: (index) => pages.get(Math.floor(index / pageSize))?.[index % pageSize],
    };
  }
}

function generation<Row, Sort extends string>(query: ListQuery<Sort>): Generation<Row, Sort> {
  return { query, total: null, more: false, pages: new Map(), loading: new Set() };
}
