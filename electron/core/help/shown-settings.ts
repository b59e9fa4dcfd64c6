import type { BackupStatus } from '../../../shared/schemas/backup';

/**
 * The settings a diagnostics report may show. An allow-list, not a block-list:
 * a setting not named here (a password, a key, an import's column mapping, a
 * window's place, anything added later) is never shown, only counted. For
 * settings stored as an object, only the fields named are shown.
 */
const shownSettings: Record<string, 'value' | readonly string[]> = {
  attachments: ['maxFileMegabytes'],
  // Not the server, user name or from address: they name the office and its people.
  'sending.email': ['port', 'security', 'messagesPerMinute'],
  'database.lastIntegrityCheckAt': 'value',
  'reminders.lastCheck': 'value',
  'import.lastWrittenAt': 'value',
  'updates.settings': ['checkAutomatically'],
  'updates.lastRunVersion': 'value',
  'welcome.seen': 'value',
};

type Plain = string | number | boolean | null;

/** Numbers, yes/no, and short words or timestamps: a value longer or freer than that could be someone's text. */
function plainValue(value: unknown): Plain | undefined {
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'string' && /^[\w.:+-]{1,40}$/.test(value)) return value;
  return undefined;
}

/** Name = value lines for the allow-listed settings among those stored, then how many others were left out. */
export function settingLines(stored: ReadonlyMap<string, unknown>): string[] {
  const lines: string[] = [];
  let leftOut = 0;
  for (const [key, value] of [...stored].sort(([a], [b]) => a.localeCompare(b))) {
    const shown = shownSettings[key];
    if (!shown) {
      leftOut++;
      continue;
    }
    if (shown === 'value') {
      const plain = plainValue(value);
      lines.push(`${key} = ${plain === undefined ? '(not shown)' : String(plain)}`);
      continue;
    }
    const fields = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
    for (const field of shown) {
      const plain = plainValue(fields[field]);
      if (plain !== undefined) lines.push(`${key}.${field} = ${String(plain)}`);
    }
  }
  if (leftOut > 0)
    lines.push(
      `(${leftOut} other stored setting${leftOut === 1 ? '' : 's'} not shown: they may hold names, addresses or secrets)`,
    );
  return lines;
}

/** The backup settings (kept beside the database): where, how often, how many, sealed or not; never the folder's path. */
export function backupSettingLines(status: BackupStatus): string[] {
  return [
    `backups.folder = ${status.isDefaultLocation ? 'default (inside the data folder)' : 'a folder the user chose'}`,
    `backups.encrypted = ${status.locationEncrypted}`,
    `backups.intervalMinutes = ${status.settings.intervalMinutes}`,
    `backups.keepNewest = ${status.settings.keepNewest}`,
    `backups.keepDaily = ${status.settings.keepDaily}`,
    `backups.keepWeekly = ${status.settings.keepWeekly}`,
    `backups.lastFailureAt = ${status.lastFailure?.at ?? 'none'}`,
  ];
}
