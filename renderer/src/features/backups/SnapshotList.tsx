import { useState } from 'react';
import type { SnapshotInfo } from '../../../../shared/schemas/backup';
import { invoke, toCrmError } from '../../api';
import { ErrorBanner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { Icon } from '../../components/Icon';
import { useToast } from '../../components/Toast';
import { useBackups } from './backupsContext';
import { SnapshotItem } from './SnapshotItem';
import type { SnapshotList as Snapshots } from './useSnapshots';
import '../../styles/card.css';
import '../../styles/list.css';
import './SnapshotList.css';

/** Every snapshot in the backup folder, newest first, each with Check again and Restore…. */
export function SnapshotList({ list }: { list: Snapshots }) {
  const showToast = useToast();
  const { askRestore, reloadStatus } = useBackups();
  const [checking, setChecking] = useState<ReadonlySet<string>>(() => new Set());
  const [problem, setProblem] = useState<string | null>(null);
  const { snapshots } = list;

  async function check(snapshot: SnapshotInfo) {
    setProblem(null);
    setChecking((current) => new Set(current).add(snapshot.id));
    try {
      const checked = await invoke('backups.verify', { id: snapshot.id });
      list.update(checked);
      // The newest verified backup may have changed, and with it the line at the top.
      reloadStatus();
      if (checked.verified) showToast('Backup checked: no problems found');
      else showToast('Backup checked: it has problems', 'problem');
    } catch (thrown) {
      setProblem(toCrmError(thrown).message);
      list.reload();
    } finally {
      setChecking((current) => {
        const next = new Set(current);
        next.delete(snapshot.id);
        return next;
      });
    }
  }

  return (
    <section className="card snapshot-list" aria-labelledby="snapshot-list-title">
      <div className="snapshot-list__header">
        <h2 id="snapshot-list-title" className="card__title">
          Backup history
          {snapshots && snapshots.length > 0 && <span className="list-count">{snapshots.length}</span>}
        </h2>
      </div>
      {list.error && (
        <ErrorBanner title="The backups could not be listed" action={<Button onClick={list.reload}>Try again</Button>}>
          {list.error}
        </ErrorBanner>
      )}
      {problem && (
        <ErrorBanner
          title="The backup could not be checked"
          action={<Button onClick={() => setProblem(null)}>Dismiss</Button>}
        >
          {problem}
        </ErrorBanner>
      )}
      {snapshots === null && !list.error && <p className="snapshot-list__note">Looking for backups…</p>}
      {snapshots?.length === 0 && (
        <div className="list-empty">
          <Icon name="backups" size={18} />
          <p>No backups in this folder yet. Choose Back up now to take the first one.</p>
        </div>
      )}
      {snapshots && snapshots.length > 0 && (
        <ul className="snapshot-list__items" aria-labelledby="snapshot-list-title">
          {snapshots.map((snapshot) => (
            <SnapshotItem
              key={snapshot.id}
              snapshot={snapshot}
              checking={checking.has(snapshot.id)}
              onCheck={(chosen) => void check(chosen)}
              onRestore={(chosen) => askRestore({ kind: 'snapshot', snapshot: chosen })}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
