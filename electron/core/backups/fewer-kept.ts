import type { BackupSettings } from '../../../shared/schemas/backup';
import type { DestructiveQuestion } from '../desktop';
import { wordList } from '../confirm-destructive';

const keptWords = {
  keepNewest: 'newest backups',
  keepDaily: 'daily backups',
  keepWeekly: 'weekly backups',
} as const satisfies Partial<Record<keyof BackupSettings, string>>;

/**
 * The native question when new settings keep fewer backups than the current
 * ones (any keep-count goes down): the next prune deletes the older ones for
 * good. Undefined when nothing kept goes. The interval is not asked about:
 * a longer one takes fewer backups, but keeps as many.
 */
export function fewerKeptQuestion(current: BackupSettings, next: BackupSettings): DestructiveQuestion | undefined {
  const lowered = (Object.keys(keptWords) as Array<keyof typeof keptWords>).filter((key) => next[key] < current[key]);
  if (lowered.length === 0) return undefined;
  return {
    title: 'Keep fewer backups',
    message: 'Keep fewer backups?',
    detail: `Rolodesk will keep ${wordList(lowered.map((key) => `${next[key]} ${keptWords[key]} instead of ${current[key]}`))}. Older backups beyond these numbers are deleted for good at the next backup; the newest verified one is always kept. This cannot be undone.`,
    confirmLabel: 'Keep Fewer',
  };
}
