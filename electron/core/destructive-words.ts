import type { FieldedKind } from '../../shared/schemas/record';
import { countOf } from './confirm-destructive';

/** Record kinds in words, for the native confirmations' details. */
export const recordWords: Record<FieldedKind, [one: string, many: string]> = {
  contact: ['contact', 'contacts'],
  company: ['company', 'companies'],
  deal: ['deal', 'deals'],
};

/** "2 saved views filter by it; they will match nothing." or '' when none does. */
export function savedViewsWords(views: number): string {
  if (views === 0) return '';
  return `${countOf(views, 'saved view filters', 'saved views filter')} by it; ${views === 1 ? 'it' : 'they'} will show nothing for it.`;
}
