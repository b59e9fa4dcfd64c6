import { randomBytes } from 'node:crypto';
import { CrmError } from '../../errors';

const keptForMs = 30 * 60 * 1000;

/**
 * The encrypted backup file a restore is waiting to open: the window gets an
 * opaque token, never the path, and answers with the password, so the file
 * is not chosen twice. Only the latest choice is kept, for half an hour.
 */
export function pendingRestores(now: () => Date) {
  let pending: { token: string; path: string; until: number } | undefined;
  return {
    keep(path: string): string {
      const token = randomBytes(16).toString('hex');
      pending = { token, path, until: now().getTime() + keptForMs };
      return token;
    },
    /** The file the token stands for; NOT_FOUND once it was used, replaced or is too old. */
    path(token: string): string {
      if (!pending || pending.token !== token || now().getTime() > pending.until) {
        throw new CrmError('NOT_FOUND', 'That backup file is no longer waiting for its password. Choose it again.');
      }
      return pending.path;
    },
    done(token: string): void {
      if (pending?.token === token) pending = undefined;
    },
  };
}

export type PendingRestores = ReturnType<typeof pendingRestores>;
