// What other features may use of backups; they import it from here, never from its files.
export { VerifiedBadge } from './VerifiedBadge';
export { useBackups } from './backupsContext';
export { contentsInWords, reasonInWords } from './snapshotWords';
