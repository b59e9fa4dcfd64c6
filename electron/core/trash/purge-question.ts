import type { ActivityKind } from '../../../shared/schemas/activity';
import type { TrashEntry, TrashPreview } from '../../../shared/schemas/trash';
import type { DestructiveQuestion } from '../desktop';
import { countOf, wordList } from '../confirm-destructive';
import { recordWords } from '../destructive-words';

const activityWords: Record<ActivityKind, [one: string, many: string]> = {
  note: ['note', 'notes'],
  call: ['call', 'calls'],
  meeting: ['meeting', 'meetings'],
  email: ['email', 'emails'],
  task: ['task', 'tasks'],
};

/** The native "Delete forever" question: what goes for good and what stays, in counts (the page lists the names). */
export function purgeQuestion(entry: TrashEntry, preview: TrashPreview): DestructiveQuestion {
  const { goes, stays } = preview;
  const parts = [
    ...(['company', 'contact', 'deal'] as const)
      .filter((kind) => goes.counts[kind] > 0)
      .map((kind) => countOf(goes.counts[kind], ...recordWords[kind])),
    ...(Object.keys(activityWords) as ActivityKind[])
      .filter((kind) => goes.activities[kind] > 0)
      .map((kind) => countOf(goes.activities[kind], ...activityWords[kind])),
    ...(goes.files > 0 ? [countOf(goes.files, 'file', 'files')] : []),
    ...(goes.historyEntries > 0 ? [countOf(goes.historyEntries, 'history entry', 'history entries')] : []),
  ];
  return {
    title: 'Delete forever',
    message: `Delete “${entry.label}” forever?`,
    detail: [
      parts.length > 0 ? `Goes for good: ${wordList(parts)}.` : '',
      stays.total > 0
        ? `${countOf(stays.total, 'linked record stays', 'linked records stay')}, without ${stays.total === 1 ? 'its' : 'their'} link to what goes.`
        : '',
      'This cannot be undone.',
    ]
      .filter(Boolean)
      .join(' '),
    confirmLabel: 'Delete Forever',
  };
}
