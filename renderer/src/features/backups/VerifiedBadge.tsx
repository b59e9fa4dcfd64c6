import type { SnapshotInfo } from '../../../../shared/schemas/backup';
import { Icon } from '../../components/Icon';
import { exactTime } from '../../lib/format';
import './VerifiedBadge.css';

/**
 * Whether a snapshot passed its checks, at a glance: verifying (copied, its
 * checks still running), verified, or not verified. The tooltip says when it
 * was last checked.
 */
export function VerifiedBadge({
  snapshot,
}: {
  snapshot: Pick<SnapshotInfo, 'verified' | 'verifying' | 'lastCheckedAt'>;
}) {
  if (snapshot.verifying) {
    return (
      <span className="verified-badge verified-badge--pending" title="Rolodesk is checking this backup now">
        <Icon name="clock" size={14} />
        Verifying…
      </span>
    );
  }
  const checked = `Last checked ${exactTime(snapshot.lastCheckedAt)}`;
  return snapshot.verified ? (
    <span className="verified-badge verified-badge--ok" title={checked}>
      <Icon name="check" size={14} />
      Verified
    </span>
  ) : (
    <span className="verified-badge verified-badge--problem" title={checked}>
      <Icon name="alert" size={14} />
      Not verified
    </span>
  );
}
