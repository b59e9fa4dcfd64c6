import type { SnapshotInfo } from '../../../../shared/schemas/backup';
import { countOf, timeInSentence } from '../../lib/format';

// The core records why each snapshot was taken in its own short words; people read these instead.
const reasons: Record<string, string> = {
  manual: 'Backed up by you',
  scheduled: 'On schedule',
  'start-up': 'When Rolodesk started',
  'on quit': 'When Rolodesk closed',
  'before restore': 'Before a restore',
  'before update': 'Before an update',
  export: 'For an exported file',
  'new backup folder': 'When the folder changed',
  'command line': 'From the command line',
};

/** "Backed up by you", "On schedule"; a reason we have no words for is shown as the core wrote it. */
export function reasonInWords(reason: string): string {
  const known = reasons[reason];
  if (known) return known;
  return reason === '' ? 'Backup' : reason[0]!.toUpperCase() + reason.slice(1);
}

// Record tables people know, in the order they think of them; the rest (settings, file bookkeeping) are not news to anyone.
const recordKinds: ReadonlyArray<[table: string, one: string, many: string]> = [
  ['contacts', 'contact', 'contacts'],
  ['companies', 'company', 'companies'],
  ['deals', 'deal', 'deals'],
  ['activities', 'activity', 'activities'],
  ['campaigns', 'campaign', 'campaigns'],
  ['attachments', 'attached file', 'attached files'],
];

/** "12 contacts, 3 attached files"; "Nothing saved yet" for an empty database. */
export function contentsInWords(counts: SnapshotInfo['counts']): string {
  const parts = recordKinds
    .filter(([table]) => (counts[table] ?? 0) > 0)
    .map(([table, one, many]) => countOf(counts[table] ?? 0, one, many));
  if (parts.length > 0) return parts.join(', ');
  return 'contacts' in counts ? 'No records yet' : 'Contents unknown';
}

/** How one snapshot is named in sentences: "the backup of today at 2:31 PM". */
export function snapshotInSentence(snapshot: Pick<SnapshotInfo, 'createdAt'>): string {
  return `the backup of ${timeInSentence(snapshot.createdAt)}`;
}
