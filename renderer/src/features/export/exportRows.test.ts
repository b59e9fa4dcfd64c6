import { describe, expect, it } from 'vitest';
import type { ListSelector } from '../../../../shared/schemas/bulk';
import type { Selection, Ticks } from '../../lib/useSelection';
import { tickedRows, type ReadRange } from './exportRows';
import { exportedWords, formatChoices, narrowedBy, progressWords } from './exportWords';

const list: ListSelector = { kind: 'contact', query: { sort: 'name', direction: 'asc', search: '', tagIds: [], tagMatch: 'any', custom: [] } };

/** A selection as useSelection hands it out, for the parts tickedRows reads. */
function selectionOf(ticks: Ticks, total: number, more = false): Selection {
  const count = ticks.type === 'rows' ? ticks.ids.size : total - ticks.except.size;
  return { ticks, total, more, count, all: ticks.type === 'all' && ticks.except.size === 0 } as Selection;
}

describe('which ticked rows an export can be narrowed to', () => {
  const neverRead: ReadRange = () => Promise.reject(new Error('no range should be read'));

  it('offers nothing when no row is ticked, or every row is (that is the whole list)', () => {
    expect(tickedRows(selectionOf({ type: 'rows', ids: new Set() }, 6), list, neverRead)).toEqual({ type: 'none' });
    expect(tickedRows(selectionOf({ type: 'all', except: new Set() }, 6), list, neverRead)).toEqual({ type: 'none' });
  });

  it('names rows ticked one by one as they are', async () => {
    const rows = tickedRows(selectionOf({ type: 'rows', ids: new Set([4, 9]) }, 6), list, neverRead);
    expect(rows.type).toBe('some');
    if (rows.type !== 'some') return;
    expect(rows.count).toBe(2);
    expect(await rows.ids()).toEqual([4, 9]);
  });

  it('names a select-all less some by reading the whole list, in its order, without the unticked', async () => {
    const asked: Array<[number, number]> = [];
    const readRange: ReadRange = async (_list, from, to) => {
      asked.push([from, to]);
      return [30, 10, 20, 40];
    };
    const rows = tickedRows(selectionOf({ type: 'all', except: new Set([20]) }, 4), list, readRange);
    expect(rows.type).toBe('some');
    if (rows.type !== 'some') return;
    expect(rows.count).toBe(3);
    expect(await rows.ids()).toEqual([30, 10, 40]);
    expect(asked).toEqual([[0, 3]]);
  });

  it('says when a select-all less some is too big to name (over 10,000 rows, or a capped count)', () => {
    expect(tickedRows(selectionOf({ type: 'all', except: new Set([1]) }, 20_000), list, neverRead)).toEqual({ type: 'too-many', count: 19_999 });
    expect(tickedRows(selectionOf({ type: 'all', except: new Set([1]) }, 1000, true), list, neverRead)).toEqual({ type: 'too-many', count: 999 });
  });
});

describe('the export dialog’s words', () => {
  it('offers vCard for contacts only', () => {
    expect(formatChoices('contact', 'contact').map((choice) => choice.format)).toEqual(['csv', 'xlsx', 'vcard']);
    expect(formatChoices('company', 'company').map((choice) => choice.format)).toEqual(['csv', 'xlsx']);
    expect(formatChoices('deal', 'deal').map((choice) => choice.format)).toEqual(['csv', 'xlsx']);
  });

  it('counts progress in rows of the whole, and the result in the toast', () => {
    expect(progressWords(0, 30_000, 'contacts')).toBe('Starting…');
    expect(progressWords(12_000, 30_000, 'contacts')).toBe('Writing 12,000 of 30,000 contacts…');
    expect(progressWords(12_000, null, 'contacts')).toBe('Writing 12,000 contacts…');
    expect(exportedWords(1234, 'contact', 'contacts', 'Contacts 2026-12-06.csv')).toBe('Exported 1,234 contacts to Contacts 2026-12-06.csv');
    expect(exportedWords(1, 'company', 'companies', undefined)).toBe('Exported 1 company');
  });

  it('reminds what narrows the list, in words', () => {
    expect(narrowedBy({ search: '', tagIds: [], custom: [] })).toBeNull();
    expect(narrowedBy({ search: ' acme ', tagIds: [], custom: [] })).toBe('the search “acme”');
    expect(narrowedBy({ search: 'acme', tagIds: [3], custom: [{}] })).toBe('the search “acme”, the tag filter and the field filters');
    expect(narrowedBy({ tagIds: [3] })).toBe('the tag filter');
  });
});
