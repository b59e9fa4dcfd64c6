import { describe, expect, it } from 'vitest';
import { checkMapping, targetOptions } from '../../electron/core/import/targets';
import type { CustomField } from '../../shared/schemas/custom-field';
import type { Mapping } from '../../shared/schemas/import';
import { mappingClashes, namesRecords } from '../../renderer/src/features/import/mappingClashes';

const budget: CustomField = {
  id: 7,
  kind: 'contact',
  label: 'Budget',
  type: 'number',
  choices: [],
  position: 0,
  createdAt: '2026-01-01T00:00:00.000Z',
};
const headers = ['Name', 'E-Mail', 'Kommentar', 'Privat', 'Etat', 'Etat 2'];
const targets = targetOptions('contact', [budget]);

/** What the core answers when the import is asked for with this mapping: its refusal's message, or null. */
function coreRefusal(mapping: Mapping): string | null {
  try {
    checkMapping('contact', mapping, headers, [budget]);
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

describe('columns mapped twice, as the wizard shows them', () => {
  it('marks both columns of a field taken twice, in the very words the core refuses the mapping with', () => {
    const mapping: Mapping = ['name', 'email', 'email', 'ignore', 'ignore', 'ignore'];
    const clashes = mappingClashes(mapping, headers, targets);
    expect([...clashes.keys()]).toEqual([1, 2]);
    expect(clashes.get(1)).toBe('“E-Mail” and “Kommentar” both go to Email. Choose one, or send the other to Notes.');
    expect(clashes.get(2)).toBe(clashes.get(1));
    expect(coreRefusal(mapping)).toBe(clashes.get(1));
  });

  it('names custom fields by their label, and marks a third column taking the same field too', () => {
    const mapping: Mapping = ['name', 'custom:7', 'custom:7', 'custom:7', 'ignore', 'ignore'];
    const clashes = mappingClashes(mapping, headers, targets);
    expect([...clashes.keys()]).toEqual([1, 2, 3]);
    expect(clashes.get(3)).toBe('“E-Mail” and “Privat” both go to Budget. Choose one, or send the other to Notes.');
    expect(coreRefusal(mapping)).toBe(clashes.get(2));
  });

  it('lets several columns go to Notes, Tags or nowhere, as the core does', () => {
    const mapping: Mapping = ['name', 'notes', 'notes', 'tag', 'tag', 'ignore'];
    expect(mappingClashes(mapping, headers, targets).size).toBe(0);
    expect(coreRefusal(mapping)).toBeNull();
  });

  it('knows a record needs a name: a first or last name will do for people, not for companies', () => {
    expect(namesRecords(['firstName', 'ignore'], 'contact')).toBe(true);
    expect(namesRecords(['lastName'], 'contact')).toBe(true);
    expect(namesRecords(['email', 'notes'], 'contact')).toBe(false);
    expect(namesRecords(['website', 'firstName'], 'company')).toBe(false);
    expect(namesRecords(['website', 'name'], 'company')).toBe(true);
    expect(coreRefusal(['ignore', 'email', 'notes', 'ignore', 'ignore', 'ignore'])).toBe(
      'Choose the column that holds the name (or the first and last name).',
    );
  });
});
