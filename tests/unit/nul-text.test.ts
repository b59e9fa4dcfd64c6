import { describe, expect, it } from 'vitest';
import { useCores } from '../support/core';
import { call, count } from '../support/crm';
import { useTempDirs } from '../support/temp-dir';
import { optionalText, requiredText } from '../../shared/schemas/common';

// Found by tests/fuzz/ipc.test.ts: SQLite's length() stops at a NUL, so a name of "\0" passed the schema, failed the
// table's CHECK (length(trim(name)) > 0) and came back as INTERNAL ("something went wrong") instead of a word about the field.
describe('a hidden zero character (NUL) in typed text', () => {
  const tempDir = useTempDirs();
  const openCore = useCores();

  it('is dropped, as it cannot be seen or stored', () => {
    expect(optionalText('Notes', 100).parse('Acme\u0000 Ltd\u0000 ')).toBe('Acme Ltd');
    expect(requiredText('Name', 100).safeParse('\u0000').error?.issues[0]?.message).toBe('Please enter a name.');
  });

  it.each([
    ['tags.create', { name: '\u0000', color: 'red' }],
    ['leadSources.create', { name: '\u0000' }],
    ['contacts.create', { name: '\u0000' }],
    ['companies.create', { name: ' \u0000 ' }],
  ] as const)(
    '%s with a name of only NUL asks for a name (VALIDATION, not INTERNAL), and nothing is saved',
    async (channel, input) => {
      const core = await openCore(tempDir());
      const rows = () =>
        count(
          core,
          'SELECT (SELECT count(*) FROM tags) + (SELECT count(*) FROM lead_sources) + (SELECT count(*) FROM contacts) + (SELECT count(*) FROM companies)',
        );
      const before = rows();
      const result = await core.dispatch(channel, input);
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION', details: { fields: [{ field: 'name', message: 'Please enter a name.' }] } },
      });
      expect(rows()).toBe(before);
    },
  );

  it('a name with a NUL inside is saved without it', async () => {
    const core = await openCore(tempDir());
    const company = await call(core, 'companies.create', { name: 'Acme\u0000 Ltd' });
    expect(company.name).toBe('Acme Ltd');
  });
});
