import { describe, expect, it } from 'vitest';
import { undoQuestion } from './importWords';

describe('the question asked before undoing an import', () => {
  it('says what goes to the Trash and what is put back, leaving out what the import did not do', () => {
    expect(
      undoQuestion({ fileName: 'Kunden.csv', kind: 'contact', created: 2, companiesCreated: 0, updated: 1 }),
    ).toEqual({
      title: 'Undo the import of “Kunden.csv”?',
      message:
        'The 2 contacts it created go to the Trash (as one entry you can restore), and the 1 record it changed gets its earlier values back, unless it was edited since.',
    });
    expect(
      undoQuestion({ fileName: 'firms.xlsx', kind: 'company', created: 1, companiesCreated: 0, updated: 0 }).message,
    ).toBe('The 1 company it created goes to the Trash (as one entry you can restore).');
    expect(
      undoQuestion({ fileName: 'again.csv', kind: 'contact', created: 0, companiesCreated: 0, updated: 3 }).message,
    ).toBe('The 3 records it changed get their earlier values back, unless they were edited since.');
  });

  it('counts the companies a contact import made for its rows: they go to the Trash with the people', () => {
    expect(
      undoQuestion({ fileName: 'Kunden.csv', kind: 'contact', created: 3, companiesCreated: 2, updated: 0 }).message,
    ).toBe('The 3 contacts and 2 companies it created go to the Trash (as one entry you can restore).');
    expect(
      undoQuestion({ fileName: 'moved.csv', kind: 'contact', created: 0, companiesCreated: 1, updated: 1 }).message,
    ).toBe(
      'The 1 company it created goes to the Trash (as one entry you can restore), and the 1 record it changed gets its earlier values back, unless it was edited since.',
    );
  });
});
