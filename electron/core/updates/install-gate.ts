import type { SnapshotInfo } from '../../../shared/schemas/backup';
import { CrmError } from '../errors';
import { describeError, type Logger } from '../logger';

export interface InstallGateDeps {
  /** The work running now that an update must not cut short, in words ("an import"). */
  running: () => string[];
  /** A snapshot copied and verified before it answers; it queues behind any backup or restore in progress. */
  verifiedSnapshot: (reason: string) => Promise<SnapshotInfo>;
  /** Waits between looks while work runs. */
  pause: (ms: number) => Promise<void>;
  logger: Logger;
  /** How often it looks again while work runs. */
  pollMs?: number;
}

export const snapshotBeforeUpdateReason = 'before update';

function snapshotFailed(error: unknown): CrmError {
  const why = error instanceof CrmError ? ` ${error.message}` : '';
  return new CrmError(
    'STORAGE',
    `The update was not installed, because the backup Rolodesk takes first did not succeed.${why} Your data is as it was, and Rolodesk keeps running this version. Try Restart to update again later.`,
  );
}

/**
 * What must happen before an update may install: nothing running that it
 * would cut short (it waits, and looks again, until that ends), then a
 * snapshot that passed its checks. Answers that snapshot; throws, in words,
 * when the snapshot failed, and then the update must not install.
 */
export async function prepareInstall({
  running,
  verifiedSnapshot,
  pause,
  logger,
  pollMs = 2000,
}: InstallGateDeps): Promise<SnapshotInfo> {
  let waitingFor = '';
  for (;;) {
    const busy = running();
    if (busy.length > 0) {
      const words = busy.join(' and ');
      if (words !== waitingFor) logger.info('the update waits until this work ends', { running: busy });
      waitingFor = words;
      await pause(pollMs);
      continue;
    }
    let snapshot: SnapshotInfo;
    try {
      snapshot = await verifiedSnapshot(snapshotBeforeUpdateReason);
    } catch (error) {
      logger.error('the snapshot before the update failed; the update is not installed', {
        error: describeError(error),
      });
      throw snapshotFailed(error);
    }
    if (!snapshot.verified) {
      logger.error('the snapshot before the update was not verified; the update is not installed', { id: snapshot.id });
      throw snapshotFailed(undefined);
    }
    // Work that started while the snapshot was taken ends first; the snapshot is then taken again, after it.
    if (running().length > 0) continue;
    logger.info('the data is backed up and nothing is running; the update may install', { snapshot: snapshot.id });
    return snapshot;
  }
}
