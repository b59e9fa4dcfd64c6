import { mkdirSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import type { Logger } from './logger';

/** Every place Rolodesk keeps data, resolved once at start-up to absolute paths. */
export interface DataPaths {
  root: string;
  database: string;
  lockFile: string;
  attachments: string;
  backups: string;
  logs: string;
}

/**
 * CRM_DATA_DIR wins (portable installs, tests); otherwise the platform's
 * user-data folder that main passes in.
 */
export function resolveDataDir(
  env: Record<string, string | undefined>,
  defaultDir: () => string,
  cwd = process.cwd(),
): string {
  const override = env.CRM_DATA_DIR?.trim();
  const chosen = override ? override : defaultDir();
  return isAbsolute(chosen) ? resolve(chosen) : resolve(cwd, chosen);
}

export function dataPaths(root: string): DataPaths {
  return {
    root,
    database: join(root, 'crm.db'),
    lockFile: join(root, 'rolodesk.lock'),
    attachments: join(root, 'attachments'),
    backups: join(root, 'backups'),
    logs: join(root, 'logs'),
  };
}

/** Creates whatever folders are missing and logs where everything lives. */
export function prepareDataPaths(root: string, logger: Logger): DataPaths {
  const paths = dataPaths(root);
  for (const folder of [paths.root, paths.attachments, paths.backups, paths.logs]) {
    mkdirSync(folder, { recursive: true });
  }
  logger.info('data paths resolved', { ...paths });
  return paths;
}
