import type { DesktopServices, DestructiveQuestion } from './desktop';
import { CrmError } from './errors';

/** "1 contact", "42 contacts". */
export function countOf(count: number, one: string, many: string): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;
}

/** "a", "a and b", "a, b and c". */
export function wordList(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

/**
 * Asks the user in main's native dialog before something that cannot be
 * undone; a "no" throws CANCELLED, so the caller changes nothing. The page's
 * own buttons are not enough: a compromised window could press them itself.
 */
export async function confirmOrCancel(
  desktop: DesktopServices,
  question: DestructiveQuestion,
  nothingChanged: string,
): Promise<void> {
  if (!(await desktop.confirmDestructive(question))) throw new CrmError('CANCELLED', nothingChanged);
}
