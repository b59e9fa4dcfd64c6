import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Clock } from '../clock';
import { renameWithRetry, syncFolder } from '../durable-files';

/** Where a damaged database is kept: moved aside, never deleted. */
export async function moveDamagedAside(root: string, clock: Clock): Promise<string> {
  const stamp = clock.now().toISOString().replace(/[:.]/g, '-');
  const folder = join(root, `damaged-${stamp}`);
  await mkdir(folder, { recursive: true });
  for (const name of ['crm.db', 'crm.db-wal', 'crm.db-shm']) {
    if (existsSync(join(root, name))) await renameWithRetry(join(root, name), join(folder, name));
  }
  syncFolder(root);
  return folder;
}

export interface Damage {
  detectedAt: string;
  movedTo: string;
  details: string;
}

/** The text the recovery screen's "Copy error details" puts on the clipboard. */
export function damageDetails(
  error: unknown,
  context: { appVersion: string; dataDir: string; detectedAt: string; movedTo: string },
): string {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const code = (error as { code?: unknown } | null)?.code;
  return [
    'Rolodesk found its database damaged.',
    `When: ${context.detectedAt}`,
    `Rolodesk version: ${context.appVersion}`,
    `Data folder: ${context.dataDir}`,
    `Damaged file kept in: ${context.movedTo}`,
    `Error: ${message}${code && (typeof code === 'string' || typeof code === 'number') ? ` (${code})` : ''}`,
  ].join('\n');
}
