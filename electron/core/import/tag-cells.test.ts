import { describe, expect, it } from 'vitest';
import { splitTags } from './rows';

describe('tag names in one cell', () => {
  it("splits an export's semicolons and keeps commas inside a name", () => {
    expect(splitTags('Smith, Jones & Co; VIP')).toEqual(['Smith, Jones & Co', 'VIP']);
  });

  it("splits Google Contacts' labels and drops its star", () => {
    expect(splitTags('* myContacts ::: Friends ::: Café ☕')).toEqual(['myContacts', 'Friends', 'Café ☕']);
  });

  it('splits comma-separated labels when there is no semicolon', () => {
    expect(splitTags('customer, newsletter,  ')).toEqual(['customer', 'newsletter']);
  });
});
