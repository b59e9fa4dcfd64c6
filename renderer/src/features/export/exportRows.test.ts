import { describe, expect, it } from 'vitest';
import type { Selection, Ticks } from '../../lib/useSelection';
import { tickedRows } from './exportRows';
import { exportedWords, formatChoices, narrowedBy, progressWords } from './exportWords';

/** A selection as useSelection hands it out, for the parts tickedRows reads. */
function selectionOf(ticks: Ticks, total: number, more = false): Selection {
  const count = ticks.type === 'rows' ? ticks.ids.size : total - ticks.except.size;
  return { ticks, total, more, count, all: ticks.type === 'all' && ticks.except.size === 0 } as Selection;
}

describe('which ticked rows an export can be narrowed to', () => {
  it('offers nothing when no row is ticked, or every row is (that is the whole list)', () => {
    expect(tickedRows(selectionOf({ type: 'rows', ids: new Set() }, 6))).toEqual({ type: 'none' });
    expect(tickedRows(selectionOf({ type: 'all', except: new Set() }, 6))).toEqual({ type: 'none' });
  });

  it('names rows ticked one by one as they are', () => {
    expect(tickedRows(selectionOf({ type: 'rows', ids: new Set([4, 9]) }, 6))).toEqual({
      type: 'some',
      count: 2,
      ids: [4, 9],
    });
  });

  it('names a select-all less some as the list less the unticked, at any size or with a capped count', () => {
    expect(tickedRows(selectionOf({ type: 'all', except: new Set([20]) }, 4))).toEqual({
      type: 'some',
      count: 3,
      except: [20],
    });
    expect(tickedRows(selectionOf({ type: 'all', except: new Set([1, 7]) }, 250_000))).toEqual({
      type: 'some',
      count: 249_998,
      except: [1, 7],
    });
    expect(tickedRows(selectionOf({ type: 'all', except: new Set([1]) }, 1000, true))).toEqual({
      type: 'some',
      count: 999,
      except: [1],
    });
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
    expect(exportedWords(1234, 'contact', 'contacts', 'Contacts 2026-12-06.csv')).toBe(
      'Exported 1,234 contacts to Contacts 2026-12-06.csv',
    );
    expect(exportedWords(1, 'company', 'companies', undefined)).toBe('Exported 1 company');
  });

  it('reminds what narrows the list, in words', () => {
    expect(narrowedBy({ search: '', tagIds: [], custom: [] })).toBeNull();
    expect(narrowedBy({ search: ' acme ', tagIds: [], custom: [] })).toBe('the search “acme”');
    expect(narrowedBy({ search: 'acme', tagIds: [3], custom: [{}] })).toBe(
      'the search “acme”, the tag filter and the field filters',
    );
    expect(narrowedBy({ tagIds: [3] })).toBe('the tag filter');
  });
});
