// Child process for archive bomb tests: restores one backup file into a data
// folder and prints the answer and its own peak memory as one JSON line, so
// the parent measures this process alone.
//   restore-archive-child <data dir> <archive>
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { openCore } from '../../electron/core/core';
import { memoryLogger } from '../../electron/core/logger';
import { recordingDesktop } from './recording-desktop';

/** Every name under the data folder, with each file's size. */
const listing = (folder: string) =>
  readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .sort()
    .map((name) => `${name} ${statSync(join(folder, name)).size}`);

async function main([dataDir, archive]: string[]): Promise<void> {
  if (!dataDir || !archive) throw new Error('usage: restore-archive-child <data dir> <archive>');
  const desktop = recordingDesktop();
  desktop.backupFile = archive;
  const core = await openCore({ dataDir, logger: memoryLogger(), appVersion: '1.0.0', desktop });
  const filesBefore = listing(dataDir);
  const before = process.resourceUsage().maxRSS;
  const result = await core.dispatch('backups.restoreFromFile', {});
  // maxRSS is in kilobytes.
  const peak = process.resourceUsage().maxRSS;
  const filesAfter = listing(dataDir);
  await core.close();
  process.stdout.write(
    `${JSON.stringify({ result, peakBeforeMb: before / 1024, peakMb: peak / 1024, filesBefore, filesAfter })}\n`,
  );
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stdout.write(`error ${String(error)}\n`);
  process.exit(1);
});
