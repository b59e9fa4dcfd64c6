import type { Tag } from '../../../../shared/schemas/tag';
import { countOf } from '../../lib/format';
import { wordList } from '../../lib/wordList';

/** "3 contacts, 1 company and 2 deals"; '' when the tag is on no record. */
export function taggedRecordsWords(counts: Tag['counts']): string {
  const parts = [
    counts.contact > 0 && countOf(counts.contact, 'contact', 'contacts'),
    counts.company > 0 && countOf(counts.company, 'company', 'companies'),
    counts.deal > 0 && countOf(counts.deal, 'deal', 'deals'),
  ].filter((part): part is string => typeof part === 'string');
  return wordList(parts);
}
