// The long fuzz runs: every tests/fuzz/*.fuzz.ts, one after another, each in its own process.
// Arguments are passed on (`npm run fuzz -- --runs 100000 --seed 42`); without --seed each picks one and prints it.
// A script that fails (a crash, a hang, an INTERNAL error, an unclear refusal) makes the whole run fail.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from './native-abi.mjs';

const folder = join(projectRoot, 'tests', 'fuzz');
const scripts = readdirSync(folder)
  .filter((name) => name.endsWith('.fuzz.ts'))
  .sort();
const tsx = join(projectRoot, 'node_modules', '.bin', process.platform === 'win32' ? 'tsx.cmd' : 'tsx');
const failed = [];
for (const script of scripts) {
  console.log(`\n=== ${script} ===`);
  const run = spawnSync(tsx, [join(folder, script), ...process.argv.slice(2)], {
    cwd: projectRoot,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (run.status !== 0) failed.push(`${script} (${run.error?.message ?? run.signal ?? `exit code ${run.status}`})`);
}
console.log(failed.length === 0 ? `\nAll ${scripts.length} fuzz scripts passed.` : `\nFailed: ${failed.join(', ')}`);
process.exitCode = failed.length === 0 ? 0 : 1;
