import type { SnapshotInfo } from '../../../../shared/schemas/backup';
import { Button } from '../../components/Button';
import { exactTime, fileSize, longTime } from '../../lib/format';
import { contentsInWords, reasonInWords } from './snapshotWords';
import { VerifiedBadge } from './VerifiedBadge';

interface SnapshotItemProps {
  snapshot: SnapshotInfo;
  checking: boolean;
  onCheck: (snapshot: SnapshotInfo) => void;
  onRestore: (snapshot: SnapshotInfo) => void;
}

/**
 * One snapshot: when, why, how big, what is in it, and whether it passed its
 * checks (with what is wrong when not). One that failed cannot be restored,
 * so it offers only Check again; one still being verified offers neither yet.
 */
export function SnapshotItem({ snapshot, checking, onCheck, onRestore }: SnapshotItemProps) {
  const when = longTime(snapshot.createdAt);
  return (
    <li
      className={snapshot.verified || snapshot.verifying ? 'list-row snapshot' : 'list-row snapshot snapshot--problem'}
    >
      <div className="snapshot__about">
        <p className="snapshot__when">
          <time dateTime={snapshot.createdAt} title={exactTime(snapshot.createdAt)}>
            {when}
          </time>
        </p>
        <p className="list-row__details">
          <span>{reasonInWords(snapshot.reason)}</span>
          <span>{fileSize(snapshot.sizeBytes)}</span>
          <span>{contentsInWords(snapshot.counts)}</span>
        </p>
        {!snapshot.verified && !snapshot.verifying && (
          <p className="list-row__problem">
            {snapshot.problems.length > 0
              ? `Problem: ${snapshot.problems.join('; ')}.`
              : 'This backup did not pass its checks.'}
          </p>
        )}
      </div>
      <VerifiedBadge snapshot={snapshot} />
      <div className="snapshot__actions">
        {/* aria-disabled, not disabled, while it runs: a disabled button drops keyboard focus. */}
        {!snapshot.verifying && (
          <Button
            variant="subtle"
            size="small"
            aria-label={`Check again the backup of ${when}`}
            aria-disabled={checking}
            onClick={() => !checking && onCheck(snapshot)}
          >
            {checking ? 'Checking…' : 'Check again'}
          </Button>
        )}
        {snapshot.verified && (
          <Button
            variant="subtle"
            size="small"
            aria-label={`Restore the backup of ${when}`}
            onClick={() => onRestore(snapshot)}
          >
            Restore…
          </Button>
        )}
      </div>
    </li>
  );
}
