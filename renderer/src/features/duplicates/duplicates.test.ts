import { describe, expect, it } from 'vitest';
import type { CustomField } from '../../../../shared/schemas/custom-field';
import type { Tag } from '../../../../shared/schemas/tag';
import { reasonWords } from './duplicateWords';
import type { MergeSide } from './mergeSide';
import { compareRows, linkedWords, mergeMessage } from './mergePreview';

const side = (id: number, name: string, fields: Record<string, string>, more: Partial<MergeSide> = {}): MergeSide => ({
  id,
  name,
  fields: { name, ...fields },
  linkedCompany: false,
  custom: {},
  tagIds: [],
  counts: { activities: 0, deals: 0, files: 0, people: 0 },
  ...more,
});
const tag = (id: number, name: string): Tag => ({
  id,
  name,
  color: 'gray',
  counts: { contact: 0, company: 0, deal: 0 },
});
const budget: CustomField = {
  id: 7,
  kind: 'contact',
  label: 'Budget',
  type: 'number',
  choices: [],
  position: 0,
  createdAt: '2026-01-01T00:00:00.000Z',
};

describe('merge preview', () => {
  const anna = side(
    1,
    'Anna Berg',
    { email: 'anna@acme.example', phone: '', company: 'Acme', notes: 'Met at the fair' },
    { tagIds: [1], custom: { '7': 100 } },
  );
  const annie = side(
    2,
    'Annie Berg',
    { email: 'ANNA@acme.example', phone: '+46 8 123', company: 'Globex', notes: 'Prefers email' },
    { tagIds: [1, 2] },
  );

  it('keeps the kept record’s values, fills its blanks from the other and joins the notes, as the core merges', () => {
    const rows = compareRows('contact', [anna, annie], 0, [budget], [tag(1, 'VIP'), tag(2, 'Newsletter')]);
    expect(Object.fromEntries(rows.map((row) => [row.label, row.after]))).toEqual({
      Name: 'Anna Berg',
      Email: 'anna@acme.example',
      Phone: '+46 8 123',
      Company: 'Acme',
      Notes: 'Met at the fair\n\nPrefers email',
      Budget: '100',
      Tags: 'VIP, Newsletter',
    });
    expect(rows.find((row) => row.label === 'Phone')?.values).toEqual(['', '+46 8 123']);
  });

  it('keeping the other record turns the result around', () => {
    const rows = compareRows('contact', [anna, annie], 1, [budget], []);
    expect(rows.find((row) => row.label === 'Name')?.after).toBe('Annie Berg');
    expect(rows.find((row) => row.label === 'Budget')?.after).toBe('100');
  });

  it('a contact linked to a company keeps it even when its company text is blank', () => {
    const linked = side(3, 'Bo', { company: '' }, { linkedCompany: true });
    const rows = compareRows('contact', [linked, side(4, 'Bo', { company: 'Globex' })], 0, [], []);
    expect(rows.find((row) => row.label === 'Company')?.after).toBe('');
  });

  it('adds up what hangs off both records: it all ends up on the kept one', () => {
    const acme = side(1, 'Acme', {}, { counts: { activities: 2, deals: 1, files: 0, people: 3 } });
    const other = side(2, 'ACME', {}, { counts: { activities: 1, deals: 0, files: 0, people: 1 } });
    const rows = compareRows('company', [acme, other], 1, [], []);
    expect(
      rows
        .filter((row) => ['People', 'Activities', 'Deals', 'Files'].includes(row.label))
        .map((row) => [row.label, ...row.values, row.after]),
    ).toEqual([
      ['People', '3', '1', '4'],
      ['Activities', '2', '1', '3'],
      ['Deals', '1', '0', '1'],
    ]);
  });

  it('leaves out fields blank on both records', () => {
    expect(
      compareRows('company', [side(1, 'Acme', { website: '' }), side(2, 'ACME', { website: '' })], 0, [], []).map(
        (row) => row.label,
      ),
    ).toEqual(['Name']);
  });

  it('says what moves and what goes to the trash', () => {
    const busy = side(
      2,
      'Annie Berg',
      {},
      { tagIds: [1, 2], counts: { activities: 3, deals: 1, files: 2, people: 0 } },
    );
    expect(linkedWords(busy)).toBe('3 activities, 1 deal, 2 files and 2 tags');
    expect(mergeMessage(anna, busy)).toBe(
      'Everything from “Annie Berg” (3 activities, 1 deal, 2 files and 2 tags) moves to “Anna Berg”. Empty fields of “Anna Berg” are filled in from “Annie Berg”, and their notes are joined. “Annie Berg” then goes to the Trash.',
    );
    expect(mergeMessage(anna, side(5, 'Empty', {}))).toContain(
      '“Empty” has no activities, deals, files or tags to move.',
    );
  });

  it('names the reason in plain words', () => {
    expect(reasonWords('contact', 'email')).toBe('Same email');
    expect(reasonWords('company', 'email')).toBe('Same website');
    expect(reasonWords('company', 'similarName')).toBe('Nearly the same name');
  });
});
