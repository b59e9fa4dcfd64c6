import { existsSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { installersIn, runSteps } from '../../scripts/dist.mjs';
import { useTempDirs } from '../support/temp-dir';

const tempDir = useTempDirs();
const node = JSON.stringify(process.execPath);

describe('npm run dist', () => {
  it('stops at the first step that fails, and names it', () => {
    const dir = tempDir();
    const ranAfter = join(dir, 'packaged');
    process.env.ROLODESK_TEST_RAN_AFTER = ranAfter; // the steps' child processes inherit it
    const steps = [
      { what: 'building the app', command: `${node} -e "process.exit(3)"` },
      {
        what: 'packaging the installers',
        command: `${node} -e "require('fs').writeFileSync(process.env.ROLODESK_TEST_RAN_AFTER, '')"`,
      },
    ];
    expect(() => runSteps(steps)).toThrow('npm run dist stopped: building the app failed');
    expect(existsSync(ranAfter)).toBe(false);
    // The same steps run through when the first succeeds.
    runSteps([{ what: 'building the app', command: `${node} -e ""` }, steps[1]!]);
    expect(existsSync(ranAfter)).toBe(true);
  });

  it('lists the installers this run wrote, not older ones or other files', () => {
    const dir = tempDir();
    const startedAt = Date.now() - 1000;
    for (const name of [
      'Rolodesk Setup 0.1.0.exe',
      'Rolodesk-0.1.0-arm64.dmg',
      'Rolodesk-0.1.0.AppImage',
      'rolodesk_0.1.0_amd64.deb',
      'latest.yml',
      'Rolodesk Setup 0.0.9.exe',
    ]) {
      writeFileSync(join(dir, name), '');
    }
    const lastWeek = new Date(startedAt - 7 * 24 * 3600 * 1000);
    utimesSync(join(dir, 'Rolodesk Setup 0.0.9.exe'), lastWeek, lastWeek);
    expect(installersIn(dir, startedAt)).toEqual(
      ['Rolodesk Setup 0.1.0.exe', 'Rolodesk-0.1.0-arm64.dmg', 'Rolodesk-0.1.0.AppImage', 'rolodesk_0.1.0_amd64.deb']
        .map((name) => join(dir, name))
        .sort(),
    );
  });
});
