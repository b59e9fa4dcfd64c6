import { tooLong } from '../../../shared/schemas/common';

/**
 * The problem with text longer than its field takes, in the words the core
 * uses ("Email is too long: 306 characters, at most 254."); undefined while
 * it fits. Inputs never cut what is typed or pasted (no maxLength): they say
 * so at once, and the save is refused.
 */
export function overLimit(label: string, value: unknown, limit: number | undefined): string | undefined {
  if (limit === undefined || typeof value !== 'string' || value.length <= limit) return undefined;
  return tooLong(label, value.length, limit);
}
