/**
 * What each migration did to the data, in words for the people who use it:
 * the notice after an update lists these. Keyed by the schema version the
 * migration leaves behind; a new migration adds its line here (a test holds
 * that every migration has one).
 */
export const migrationWords: Readonly<Record<number, string>> = {
  1: 'contacts are stored',
  2: 'contacts can be searched by name and email',
  3: 'settings are kept with your data',
  4: 'files can be attached to contacts',
  5: 'deleted records go to the Trash first, so they can be brought back',
  6: 'companies are stored, and contacts are linked to them',
  7: 'deals and the stages of the pipeline are stored',
  8: 'notes, calls, meetings and tasks are stored',
  9: 'each record keeps a history of its changes',
  10: 'records can be tagged',
  11: 'you can add fields of your own to records',
  12: 'lists can be saved as views',
  13: 'files can be attached to companies, deals and activities too',
  14: 'everything can be searched',
  15: 'possible duplicates can be found',
  16: 'the search covers every kind of record in one place',
  17: 'a change made elsewhere while you edit is noticed, so nothing is overwritten',
  18: 'lists sort names the way people expect (accents and capitals ignored)',
  19: 'saved views say when a tag or field they use was removed',
  20: 'the deals board shows each stage’s total',
  21: 'imports are recorded, so an import can be undone',
  22: 'names sort by their first word',
  23: 'lead sources, consent, segments, campaigns, email templates and sending are stored',
  24: 'segments are counted faster',
  25: 'the dashboard’s figures are stored',
  26: 'erasing a person for good leaves only the day it was done',
  27: 'sample records are marked, so removing the sample data never touches your own',
};

/** The words for the migrations after `fromVersion` up to and including `toVersion`, oldest first. */
export function changesBetween(fromVersion: number, toVersion: number): string[] {
  const changes: string[] = [];
  for (let version = fromVersion + 1; version <= toVersion; version++) {
    const words = migrationWords[version];
    if (words) changes.push(words);
  }
  return changes;
}
