import { CrmError } from '../../errors';
import type { Sealing } from '../archive';
import type { BackupKeys } from './backup-keys';

/**
 * The key an exported backup is encrypted with, or undefined when encryption
 * is off. A key that is neither open nor remembered answers PASSWORD_REQUIRED
 * (the window asks for it and tries again); a damaged key file refuses
 * (STORAGE) rather than let the backup leave unencrypted.
 */
export async function sealingForExport(keys: BackupKeys): Promise<Sealing | undefined> {
  if (!(await keys.status()).on) return undefined;
  const opened = await keys.masterKey();
  const keySet = keys.keySet();
  if (!opened || !keySet)
    throw new CrmError(
      'PASSWORD_REQUIRED',
      'Backups are encrypted with your backup password. Type it to export the backup.',
    );
  return { ...opened, keySet };
}
