import { describe, expect, it } from 'vitest';
import type { Tag } from '../../../../shared/schemas/tag';
import { tagFilterRequest, toggleTag } from './tagFilter';
import { tagOptions } from './tagOptions';
import { taggedRecordsWords } from './tagWords';

const tag = (id: number, name: string): Tag => ({
  id,
  name,
  color: 'gray',
  counts: { contact: 0, company: 0, deal: 0 },
});
const tags = [tag(1, 'VIP'), tag(2, 'Supplier'), tag(3, 'Newsletter'), tag(4, 'Very late payer')];

describe('tag picker options', () => {
  it('offers the tags not yet on the record whose name contains what was typed, names starting with it first', () => {
    expect(
      tagOptions(tags, [], 've').map((option) => (option.type === 'tag' ? option.tag.name : `+${option.name}`)),
    ).toEqual(['Very late payer', '+ve']);
    expect(tagOptions(tags, [1], 'v').map((option) => (option.type === 'tag' ? option.tag.name : option.name))).toEqual(
      ['Very late payer', 'v'],
    );
  });

  it('offers to create a tag only when no tag has exactly that name, ignoring case', () => {
    expect(tagOptions(tags, [], 'vip').some((option) => option.type === 'create')).toBe(false);
    expect(tagOptions(tags, [], '  Partner ')).toEqual([{ type: 'create', name: 'Partner' }]);
  });

  it('offers every free tag when nothing is typed, and nothing to create', () => {
    expect(tagOptions(tags, [2], '')).toHaveLength(3);
    expect(tagOptions(tags, [2], '').every((option) => option.type === 'tag')).toBe(true);
  });
});

describe('tag filter', () => {
  it('no filter asks the list for no tags', () => {
    expect(tagFilterRequest(null)).toEqual({ tagIds: [], tagMatch: 'any' });
  });

  it('passes the chosen tags and whether a record needs any or all of them', () => {
    expect(tagFilterRequest({ tagIds: [3, 1], mode: 'all' })).toEqual({ tagIds: [3, 1], tagMatch: 'all' });
  });

  it('toggling the last chosen tag off leaves no filter', () => {
    const one = toggleTag(null, 2);
    expect(one).toEqual({ tagIds: [2], mode: 'any' });
    expect(toggleTag(toggleTag({ tagIds: [2], mode: 'all' }, 5), 5)).toEqual({ tagIds: [2], mode: 'all' });
    expect(toggleTag(one, 2)).toBeNull();
  });
});

describe('tag counts in words', () => {
  it('names each kind of record the tag is on', () => {
    expect(taggedRecordsWords({ contact: 3, company: 1, deal: 2 })).toBe('3 contacts, 1 company and 2 deals');
    expect(taggedRecordsWords({ contact: 0, company: 0, deal: 1 })).toBe('1 deal');
    expect(taggedRecordsWords({ contact: 0, company: 0, deal: 0 })).toBe('');
  });
});
