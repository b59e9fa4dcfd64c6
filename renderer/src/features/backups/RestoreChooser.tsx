import { useId, useState } from 'react';
import type { SnapshotInfo } from '../../../../shared/schemas/backup';
import { ErrorBanner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { exactTime, fileSize, longTime } from '../../lib/format';
import { contentsInWords, reasonInWords } from './snapshotWords';
import type { RestoreTarget } from './useRestoreFlow';
import { useSnapshots } from './useSnapshots';
import { VerifiedBadge } from './VerifiedBadge';
import '../../styles/list.css';
import './RestoreChooser.css';

interface RestoreChooserProps {
  /** Why the last attempt failed; the user chooses again. */
  problem: string | null;
  /** The current data is damaged, so none of it is saved first. */
  recovering: boolean;
  onChoose: (target: RestoreTarget) => void;
  onCancel: () => void;
}

/**
 * The first step of File › Restore from Backup…: the snapshots in the backup
 * folder (only verified ones can be chosen; the newest is chosen already) and
 * Choose file… for a backup exported elsewhere.
 */
export function RestoreChooser({ problem, recovering, onChoose, onCancel }: RestoreChooserProps) {
  const groupName = useId();
  const { snapshots, error } = useSnapshots();
  const [picked, setPicked] = useState<string | null>(null);
  const chosen =
    snapshots?.find((snapshot) => snapshot.verified && snapshot.id === picked) ??
    snapshots?.find((snapshot) => snapshot.verified) ??
    null;

  return (
    <Dialog
      title="Restore from a backup"
      description={
        recovering
          ? 'Choose the backup to go back to. It replaces the damaged data.'
          : 'Choose the backup to go back to. Your current data is saved as a backup first, so you can return to it.'
      }
      size="medium"
      onCancel={onCancel}
    >
      <div className="restore-chooser">
        {problem && <ErrorBanner title="That backup was not restored">{problem}</ErrorBanner>}
        {error && <ErrorBanner title="The backups could not be listed">{error}</ErrorBanner>}
        {snapshots === null && !error && <p className="restore-chooser__note">Looking for backups…</p>}
        {snapshots?.length === 0 && (
          <p className="restore-chooser__note">There are no backups in the backup folder yet.</p>
        )}
        {snapshots && snapshots.length > 0 && (
          <fieldset className="restore-chooser__list">
            <legend className="visually-hidden">Backups in the backup folder</legend>
            {snapshots.map((snapshot) => (
              <SnapshotChoice
                key={snapshot.id}
                snapshot={snapshot}
                group={groupName}
                checked={snapshot.id === chosen?.id}
                onPick={setPicked}
              />
            ))}
          </fieldset>
        )}
        <div className="restore-chooser__file">
          <p>Or restore a backup file you exported earlier.</p>
          <Button icon="upload" onClick={() => onChoose({ kind: 'file' })}>
            Choose file…
          </Button>
        </div>
      </div>
      <div className="dialog__actions">
        <Button onClick={onCancel}>Cancel</Button>
        {/* With no snapshot to choose, Choose file… is the only way on. */}
        {snapshots && snapshots.length > 0 && (
          <Button
            variant="primary"
            disabled={!chosen}
            onClick={() => chosen && onChoose({ kind: 'snapshot', snapshot: chosen })}
          >
            Restore…
          </Button>
        )}
      </div>
    </Dialog>
  );
}

/** One snapshot as a choice. One not verified cannot be chosen, and says why: still being checked, or what is wrong with it. */
function SnapshotChoice({
  snapshot,
  group,
  checked,
  onPick,
}: {
  snapshot: SnapshotInfo;
  group: string;
  checked: boolean;
  onPick: (id: string) => void;
}) {
  const problem = snapshot.problems[0];
  const why = snapshot.verifying
    ? 'It can be restored once its checks pass.'
    : `Cannot be restored: ${problem ?? 'it did not pass its checks'}.`;
  return (
    <label className={snapshot.verified ? 'snapshot-choice' : 'snapshot-choice snapshot-choice--unusable'}>
      <input
        type="radio"
        name={group}
        value={snapshot.id}
        checked={checked}
        disabled={!snapshot.verified}
        onChange={() => onPick(snapshot.id)}
      />
      <span className="snapshot-choice__about">
        <time className="snapshot-choice__when" dateTime={snapshot.createdAt} title={exactTime(snapshot.createdAt)}>
          {longTime(snapshot.createdAt)}
        </time>
        <span className="list-row__details">
          <span>{reasonInWords(snapshot.reason)}</span>
          <span>{fileSize(snapshot.sizeBytes)}</span>
          <span>{contentsInWords(snapshot.counts)}</span>
        </span>
        {!snapshot.verified && (
          <span className={snapshot.verifying ? 'list-row__details' : 'list-row__problem'}>{why}</span>
        )}
      </span>
      <VerifiedBadge snapshot={snapshot} />
    </label>
  );
}
