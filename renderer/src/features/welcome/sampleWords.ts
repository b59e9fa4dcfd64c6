import type { SampleCounts } from '../../../../shared/schemas/sample-data';
import { wordList } from '../../lib/wordList';

const words: Record<keyof SampleCounts, [one: string, many: string]> = {
  contact: ['contact', 'contacts'],
  company: ['company', 'companies'],
  deal: ['deal', 'deals'],
  activity: ['activity', 'activities'],
};

/** "25 contacts, 6 companies, 8 deals and 11 activities". */
export function countsInWords(counts: SampleCounts): string {
  const parts = (Object.keys(words) as Array<keyof SampleCounts>)
    .filter((kind) => counts[kind] > 0)
    .map((kind) => `${counts[kind]} ${words[kind][counts[kind] === 1 ? 0 : 1]}`);
  return parts.length === 0 ? 'no records' : wordList(parts);
}

export function removalQuestion(counts: SampleCounts): string {
  return `This deletes the ${countsInWords(counts)} of the sample data for good (they do not go to the trash), with any changes you made to them. Your own records stay; where one was linked to a sample record, only the link goes.`;
}

export function removedWords(removed: SampleCounts): string {
  return `Sample data removed: ${countsInWords(removed)}.`;
}
