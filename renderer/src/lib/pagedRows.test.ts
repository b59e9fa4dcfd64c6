import { describe, expect, it } from 'vitest';
import { CrmError } from '../api';
import { noFilters, PagedRows, rowsToShow, type ListQuery, type RowPage } from './pagedRows';

const query = (search = ''): ListQuery => ({ sort: 'name', direction: 'asc', search, filters: noFilters });

/** One request the list made; the test answers it when it likes, as a slow or out-of-order core would. */
interface Request {
  search: string;
  offset: number;
  limit: number;
  answer: (page: RowPage<string>) => void;
  fail: (error: unknown) => void;
}

/** A list over `rows` (names), whose requests wait until the test answers them. */
function listOf(pageSize = 100) {
  const requests: Request[] = [];
  const list = new PagedRows<string, string>(
    (asked, offset, limit) =>
      new Promise<RowPage<string>>((answer, fail) =>
        requests.push({ search: asked.search, offset, limit, answer, fail }),
      ),
    query(),
    pageSize,
  );
  let changes = 0;
  list.subscribe(() => changes++);
  return { list, requests, changes: () => changes };
}

/** The rows a table of `total` names holds at offset..offset+limit. */
function slice(total: number, offset: number, limit: number, prefix = 'row'): RowPage<string> {
  const rows = Array.from(
    { length: Math.max(0, Math.min(limit, total - offset)) },
    (_, i) => `${prefix} ${offset + i}`,
  );
  return { total, more: false, rows };
}

/** Lets the replies' promise callbacks run. */
const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

const offsets = (requests: Request[]) => requests.map((request) => request.offset);

describe('a paged list', () => {
  it('knows nothing before the first page arrives, then shows its rows and count', async () => {
    const { list, requests } = listOf();
    list.ensure(0, 20);
    expect(list.getSnapshot().total).toBeNull();
    expect(list.getSnapshot().rowAt(0)).toBeUndefined();
    expect(offsets(requests)).toEqual([0]);
    requests[0]!.answer(slice(250, 0, 100));
    await settle();
    expect(list.getSnapshot().total).toBe(250);
    expect(list.getSnapshot().rowAt(0)).toBe('row 0');
    expect(list.getSnapshot().rowAt(99)).toBe('row 99');
    expect(list.getSnapshot().rowAt(100)).toBeUndefined();
  });

  it('an empty list asks for nothing more, however far the grid asks', async () => {
    const { list, requests } = listOf();
    list.ensure(0, 20);
    requests[0]!.answer(slice(0, 0, 100));
    await settle();
    expect(list.getSnapshot().total).toBe(0);
    expect(rowsToShow(0, false)).toBe(0);
    list.ensure(0, 500);
    expect(offsets(requests)).toEqual([0]);
    expect(list.getSnapshot().rowAt(0)).toBeUndefined();
  });

  it('reads the pages a range touches, split exactly at page boundaries', async () => {
    const { list, requests } = listOf();
    list.ensure(0, 20);
    requests[0]!.answer(slice(1000, 0, 100));
    await settle();
    list.ensure(99, 100); // the last row of page 0 and the first of page 1
    expect(offsets(requests)).toEqual([0, 100]);
    list.ensure(100, 199); // page 1 alone, already on its way
    list.ensure(200, 200); // the first row of page 2
    expect(offsets(requests)).toEqual([0, 100, 200]);
    requests[1]!.answer(slice(1000, 100, 100));
    await settle();
    expect(list.getSnapshot().rowAt(99)).toBe('row 99');
    expect(list.getSnapshot().rowAt(100)).toBe('row 100');
    expect(list.getSnapshot().rowAt(199)).toBe('row 199');
    expect(list.getSnapshot().rowAt(200)).toBeUndefined();
  });

  it('never asks past the last page, also when the count fills its last page exactly', async () => {
    for (const total of [250, 200]) {
      const { list, requests } = listOf();
      list.ensure(0, 20);
      requests[0]!.answer(slice(total, 0, 100));
      await settle();
      list.ensure(150, 900);
      expect(offsets(requests)).toEqual(total === 250 ? [0, 100, 200] : [0, 100]);
      const last = requests.at(-1)!;
      last.answer(slice(total, last.offset, 100));
      await settle();
      expect(list.getSnapshot().rowAt(total - 1)).toBe(`row ${total - 1}`);
      expect(list.getSnapshot().rowAt(total)).toBeUndefined();
    }
  });

  it('while a search is capped ("1,000+"), one more row leads to the next page and the count only grows', async () => {
    const { list, requests } = listOf();
    list.setQuery(query('berg'));
    requests[0]!.answer({ total: 1000, more: true, rows: slice(5000, 0, 100, 'berg').rows });
    await settle();
    const { total, more } = list.getSnapshot();
    expect([total, more]).toEqual([1000, true]);
    expect(rowsToShow(total, more)).toBe(1001);
    list.ensure(1000, 1000);
    expect(offsets(requests)).toEqual([0, 1000]);
    requests[1]!.answer({ total: 1100, more: true, rows: slice(5000, 1000, 100, 'berg').rows });
    await settle();
    expect(list.getSnapshot().total).toBe(1100);
    // A later reply with a smaller capped count does not shrink it; an exact one replaces it.
    list.ensure(500, 500);
    requests[2]!.answer({ total: 1000, more: true, rows: slice(5000, 500, 100, 'berg').rows });
    await settle();
    expect([list.getSnapshot().total, list.getSnapshot().more]).toEqual([1100, true]);
    list.ensure(600, 600);
    requests[3]!.answer({ total: 1050, more: false, rows: slice(1050, 600, 100, 'berg').rows });
    await settle();
    expect([list.getSnapshot().total, list.getSnapshot().more]).toEqual([1050, false]);
  });

  it('keeps the old rows on screen until the new search arrives, and drops a slow reply to an older one', async () => {
    const { list, requests } = listOf();
    list.ensure(0, 20);
    requests[0]!.answer(slice(300, 0, 100));
    await settle();
    list.setQuery(query('kim'));
    list.setQuery(query('berg'));
    expect(requests.map((request) => request.search)).toEqual(['', 'kim', 'berg']);
    expect(list.getSnapshot().updating).toBe(true);
    expect(list.getSnapshot().rowAt(0)).toBe('row 0');

    requests[2]!.answer(slice(12, 0, 100, 'berg'));
    await settle();
    expect(list.getSnapshot().query.search).toBe('berg');
    expect(list.getSnapshot().updating).toBe(false);
    requests[1]!.answer(slice(40, 0, 100, 'kim'));
    await settle();
    expect(list.getSnapshot().query.search).toBe('berg');
    expect(list.getSnapshot().total).toBe(12);
    expect(list.getSnapshot().rowAt(0)).toBe('berg 0');
  });

  it('asking for the same query again changes nothing', () => {
    const { list, requests, changes } = listOf();
    list.setQuery(query('berg'));
    const before = changes();
    list.setQuery(query('berg'));
    expect(requests).toHaveLength(1);
    expect(changes()).toBe(before);
  });

  it('a failed new search keeps the rows shown and says why; scrolling does not retry, refresh does', async () => {
    const { list, requests } = listOf();
    list.ensure(0, 20);
    requests[0]!.answer(slice(300, 0, 100));
    await settle();
    list.setQuery(query('berg'));
    requests[1]!.fail(new CrmError('INTERNAL', 'Search is not available right now.'));
    await settle();
    const failed = list.getSnapshot();
    expect(failed.error?.message).toBe('Search is not available right now.');
    expect(failed.updating).toBe(false);
    expect(failed.rowAt(0)).toBe('row 0');
    list.ensure(100, 150);
    expect(requests).toHaveLength(2);

    list.refresh();
    expect(list.getSnapshot().error).toBeNull();
    expect(requests.at(-1)!.search).toBe('berg');
    requests.at(-1)!.answer(slice(12, 0, 100, 'berg'));
    await settle();
    expect(list.getSnapshot().rowAt(0)).toBe('berg 0');
  });

  it('a failure that is no CrmError still reads as words for people', async () => {
    const { list, requests } = listOf();
    list.ensure(0, 20);
    requests[0]!.fail(new TypeError('socket closed'));
    await settle();
    expect(list.getSnapshot().error?.code).toBe('INTERNAL');
    expect(list.getSnapshot().error?.message).toMatch(/could not reach its data/);
  });

  it('refresh reloads every page on screen, and the reload replaces the rows', async () => {
    const { list, requests } = listOf();
    list.ensure(0, 20);
    requests[0]!.answer(slice(300, 0, 100));
    await settle();
    list.ensure(150, 210);
    for (const request of requests.slice(1)) request.answer(slice(300, request.offset, 100));
    await settle();
    list.refresh();
    const reloads = requests.slice(3);
    expect(offsets(reloads)).toEqual([100, 200]);
    for (const request of reloads) request.answer(slice(299, request.offset, 100, 'fresh'));
    await settle();
    expect(list.getSnapshot().total).toBe(299);
    expect(list.getSnapshot().rowAt(150)).toBe('fresh 150');
  });
});
