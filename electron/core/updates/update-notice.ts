import { UpdateNotice } from '../../../shared/schemas/update';
import type { SettingsRepo } from '../settings/repo';
import { changesBetween } from './migration-words';

const noticeKey = 'updates.notice';
const lastRunKey = 'updates.lastRunVersion';

/** What this start did before the data was opened: the schema it found, and the snapshot taken first. */
export interface MigratedAtStart {
  fromVersion: number;
  toVersion: number;
  snapshotId: string | null;
}

/**
 * Recorded once the data is open at start: the version that ran, and when
 * this start migrated the data, the notice the window shows until dismissed.
 * A restore that migrates an older backup is no update and records nothing.
 */
export function recordStart(settings: SettingsRepo, appVersion: string, migrated: MigratedAtStart | undefined): void {
  if (migrated && migrated.fromVersion > 0) {
    const notice: UpdateNotice = {
      version: appVersion,
      changes: changesBetween(migrated.fromVersion, migrated.toVersion),
      snapshotId: migrated.snapshotId,
    };
    settings.set(noticeKey, notice);
  }
  if (settings.get(lastRunKey) !== appVersion) settings.set(lastRunKey, appVersion);
}

/** The notice still to show; nothing when there is none (or what is stored is not one). */
export function readNotice(settings: SettingsRepo): UpdateNotice | null {
  const parsed = UpdateNotice.safeParse(settings.get(noticeKey));
  return parsed.success ? parsed.data : null;
}

export function dismissNotice(settings: SettingsRepo): boolean {
  if (settings.get(noticeKey) === undefined || settings.get(noticeKey) === null) return false;
  settings.set(noticeKey, null);
  return true;
}

/** The version of Rolodesk that last opened this data; undefined before this was recorded. */
export function lastRunVersion(settings: SettingsRepo): string | undefined {
  const stored = settings.get(lastRunKey);
  return typeof stored === 'string' ? stored : undefined;
}
