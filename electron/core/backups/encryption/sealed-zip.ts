import yauzl from 'yauzl';
import { isSealedFile, openSealedFile, type KeyFor } from './sealed-file';

/** Opens the ZIP inside a backup file with the options the archive checks choose. */
export type ZipOpener = (options: yauzl.Options) => Promise<yauzl.ZipFile>;

/** A backup file made ready to read as a ZIP: an encrypted one already unlocked, so a wrong password is known before any ZIP check. */
export interface BackupZip {
  sealed: boolean;
  /** Undefined for a plain ZIP: the archive checks open it by its path. */
  opener: ZipOpener | undefined;
  /** Closes the file when the ZIP was never opened (closing the ZIP closes it otherwise). */
  release: () => void;
}

/**
 * Unlocks an encrypted backup file (PASSWORD_REQUIRED or BACKUP_INVALID as
 * keyFor and the file say) and hands its plain bytes to yauzl; a plain ZIP
 * goes through as it is. Both then pass the same archive checks.
 */
export async function openBackupZip(path: string, keyFor: KeyFor): Promise<BackupZip> {
  if (!(await isSealedFile(path))) return { sealed: false, opener: undefined, release: () => undefined };
  const { reader, size } = await openSealedFile(path, keyFor);
  let handedOver = false;
  let released = false;
  const release = () => {
    if (handedOver || released) return;
    released = true;
    reader.close(() => undefined);
  };
  const opener: ZipOpener = (options) =>
    new Promise((resolve, reject) =>
      yauzl.fromRandomAccessReader(reader, size, options, (error, zip) => {
        if (error) return reject(error);
        // From here closing the ZIP closes the file.
        handedOver = true;
        resolve(zip);
      }),
    );
  return { sealed: true, opener, release };
}
