import type { DuplicateAction, ImportKind, RowOutcome, SourceInfo } from '../../../../shared/schemas/import';
import { countOf } from '../../lib/format';

const numberFormat = new Intl.NumberFormat(undefined);
/** 1,234 in the user's own way of writing numbers. */
export const wholeNumber = (value: number): string => numberFormat.format(value);

/** The words for each kind of record an import brings in. */
export const kindWords: Record<ImportKind, { singular: string; plural: string; Plural: string }> = {
  contact: { singular: 'contact', plural: 'contacts', Plural: 'Contacts' },
  company: { singular: 'company', plural: 'companies', Plural: 'Companies' },
};

/** Encodings by the names people meet them under in Excel and Notepad. */
export const encodingLabels: Record<NonNullable<SourceInfo['encoding']>['name'], string> = {
  'utf-8': 'UTF-8 (Unicode)',
  'utf-16le': 'UTF-16 little-endian (Unicode)',
  'utf-16be': 'UTF-16 big-endian (Unicode)',
  'windows-1252': 'Windows-1252 (Western European)',
  'iso-8859-1': 'ISO-8859-1 (Latin-1)',
};

export const delimiterLabels: Record<NonNullable<SourceInfo['delimiter']>, string> = {
  ',': 'Comma ( , )',
  ';': 'Semicolon ( ; )',
  '\t': 'Tab',
  '|': 'Vertical bar ( | )',
};

export const formatLabels: Record<SourceInfo['format'], string> = {
  csv: 'Text file with columns (CSV)',
  xlsx: 'Excel workbook (.xlsx)',
  vcard: 'Contact cards (vCard)',
};

export const outcomeLabels: Record<RowOutcome, string> = {
  create: 'New',
  update: 'Update',
  skip: 'Skip',
  reject: 'Rejected',
};

/** What each duplicates choice does, in a sentence about the rows that match. */
export const duplicateChoices: ReadonlyArray<{
  action: DuplicateAction;
  label: string;
  explain: (plural: string) => string;
}> = [
  {
    action: 'skip',
    label: 'Skip them',
    explain: (plural) => `Leave the ${plural} already in Rolodesk as they are; the matching rows are not imported.`,
  },
  {
    action: 'fill',
    label: 'Update: fill in blanks',
    explain: () => 'Add what the file knows to fields that are empty today; nothing already filled in changes.',
  },
  {
    action: 'overwrite',
    label: 'Update: overwrite',
    explain: () => 'Replace fields with the file’s values wherever the file has one.',
  },
  {
    action: 'create',
    label: 'Create anyway',
    explain: (plural) => `Add every row as new ${plural}, even if that makes duplicates.`,
  },
];

/** "12 new, 3 updated, 2 skipped, 1 rejected". */
export function countsInWords(counts: { create: number; update: number; skip: number; reject: number }): string {
  return [
    `${countOf(counts.create, 'new', 'new')}`,
    `${countOf(counts.update, 'updated', 'updated')}`,
    `${countOf(counts.skip, 'skipped', 'skipped')}`,
    `${countOf(counts.reject, 'rejected', 'rejected')}`,
  ].join(', ');
}

/**
 * The question asked before undoing an import (from the summary or Settings ›
 * Imports): what goes to the Trash (the companies a contact import made for
 * its rows too) and what is put back.
 */
export function undoQuestion(run: {
  fileName: string;
  kind: ImportKind;
  created: number;
  companiesCreated: number;
  updated: number;
}): { title: string; message: string } {
  const words = kindWords[run.kind];
  const created = [
    run.created > 0 && countOf(run.created, words.singular, words.plural),
    run.companiesCreated > 0 && countOf(run.companiesCreated, 'company', 'companies'),
  ].filter((part): part is string => typeof part === 'string');
  const one = run.created + run.companiesCreated === 1;
  const parts = [
    created.length > 0 &&
      `the ${created.join(' and ')} it created ${one ? 'goes' : 'go'} to the Trash (as one entry you can restore)`,
    run.updated > 0 &&
      `the ${countOf(run.updated, 'record', 'records')} it changed ${run.updated === 1 ? 'gets its' : 'get their'} earlier values back, unless ${run.updated === 1 ? 'it was' : 'they were'} edited since`,
  ].filter((part): part is string => typeof part === 'string');
  const said = parts.length > 0 ? parts.join(', and ') : 'nothing it did is left to take back';
  return {
    title: `Undo the import of “${run.fileName}”?`,
    message: `${said.charAt(0).toUpperCase()}${said.slice(1)}.`,
  };
}
