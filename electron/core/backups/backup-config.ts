import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { BackupSettings, defaultBackupSettings, UndoRestore } from '../../../shared/schemas/backup';
import { Timestamp } from '../../../shared/schemas/common';
import { writeFileDurably } from '../durable-files';

/**
 * Backup settings and state live in a file beside the database, not in it:
 * restoring an old snapshot must not move the backup folder or forget the undo.
 */
export const BackupConfig = z.strictObject({
  /** A folder the user chose (our own subfolder inside it), or null for <data dir>/backups. */
  location: z.string().max(4096).nullable(),
  settings: BackupSettings,
  lastFullCheckAt: Timestamp.nullable(),
  undoRestore: UndoRestore.nullable(),
});
export type BackupConfig = z.infer<typeof BackupConfig>;

const fileName = 'backups.json';
const defaults: BackupConfig = {
  location: null,
  settings: defaultBackupSettings,
  lastFullCheckAt: null,
  undoRestore: null,
};

export function readBackupConfig(root: string): BackupConfig {
  const path = join(root, fileName);
  if (!existsSync(path)) return defaults;
  try {
    const parsed = BackupConfig.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    return parsed.success ? parsed.data : defaults;
  } catch {
    // A damaged settings file must not stop backups: fall back to the defaults.
    return defaults;
  }
}

export async function writeBackupConfig(root: string, config: BackupConfig): Promise<void> {
  await writeFileDurably(join(root, fileName), `${JSON.stringify(config, null, 2)}\n`);
}
