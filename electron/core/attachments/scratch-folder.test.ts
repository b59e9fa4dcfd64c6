import {
  chownSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useCores } from '../../../tests/support/core';
import { isRoot } from '../../../tests/support/fault-fs';
import { recordingDesktop } from '../../../tests/support/recording-desktop';
import { samples } from '../../../tests/support/sample-files';
import { useTempDirs } from '../../../tests/support/temp-dir';
import { createContact, upload } from '../../../tests/support/upload';
import type { Core } from '../core';

const modeOf = (path: string) => statSync(path).mode & 0o777;

describe('the scratch folder for copies opened in other programs', () => {
  const tempDir = useTempDirs();
  const openCore = useCores();

  async function openAFile(core: Core, desktop: ReturnType<typeof recordingDesktop>): Promise<string> {
    const added = await upload(core, await createContact(core), 'Quote for Anna.pdf', samples.pdf);
    if (!added.ok) throw new Error(added.error.message);
    const opened = await core.dispatch('attachments.open', { id: added.data.id });
    if (!opened.ok) throw new Error(opened.error.message);
    return desktop.opened.at(-1)!;
  }

  it("is the user's own: inside the data folder, readable by no one else (0700), and so is each copy's folder", async () => {
    const dataDir = tempDir();
    const desktop = recordingDesktop();
    const core = await openCore(dataDir, { desktop });

    const opened = await openAFile(core, desktop);

    expect(dirname(dirname(opened))).toBe(join(dataDir, 'scratch'));
    expect(modeOf(join(dataDir, 'scratch'))).toBe(0o700);
    expect(modeOf(dirname(opened))).toBe(0o700);
    expect(statSync(join(dataDir, 'scratch')).uid).toBe(process.getuid!());
    expect(readFileSync(opened).equals(samples.pdf)).toBe(true);
  });

  it('is emptied when Rolodesk closes, and copies left by a crash are gone at the next start', async () => {
    const dataDir = tempDir();
    const desktop = recordingDesktop();
    const core = await openCore(dataDir, { desktop });
    const opened = await openAFile(core, desktop);

    await core.close();
    expect(existsSync(opened)).toBe(false);

    // A crash leaves copies behind; a folder made wide open by another program is narrowed again.
    mkdirSync(join(dataDir, 'scratch', 'left-by-a-crash'), { recursive: true, mode: 0o777 });
    writeFileSync(join(dataDir, 'scratch', 'left-by-a-crash', 'Contract.pdf'), samples.pdf);
    const reopened = await openCore(dataDir, { desktop });
    expect(readdirSync(join(dataDir, 'scratch'))).toEqual([]);
    expect(modeOf(join(dataDir, 'scratch'))).toBe(0o700);
    await reopened.close();
  });

  it('a link planted in its place before start is removed, never followed: what it pointed at is untouched', async () => {
    const dataDir = tempDir();
    const elsewhere = join(tempDir(), 'someone else');
    mkdirSync(elsewhere);
    writeFileSync(join(elsewhere, 'keep me.txt'), 'precious');
    symlinkSync(elsewhere, join(dataDir, 'scratch'));
    const desktop = recordingDesktop();
    const core = await openCore(dataDir, { desktop });

    const opened = await openAFile(core, desktop);

    expect(lstatSync(join(dataDir, 'scratch')).isSymbolicLink()).toBe(false);
    expect(dirname(dirname(opened))).toBe(join(dataDir, 'scratch'));
    expect(readdirSync(elsewhere)).toEqual(['keep me.txt']);
    expect(readFileSync(join(elsewhere, 'keep me.txt'), 'utf8')).toBe('precious');
  });

  it('a link planted while Rolodesk runs is caught before the next copy is written', async () => {
    const dataDir = tempDir();
    const elsewhere = join(tempDir(), 'someone else');
    mkdirSync(elsewhere);
    const desktop = recordingDesktop();
    const core = await openCore(dataDir, { desktop });
    rmSync(join(dataDir, 'scratch'), { recursive: true, force: true });
    symlinkSync(elsewhere, join(dataDir, 'scratch'));

    const opened = await openAFile(core, desktop);

    expect(lstatSync(join(dataDir, 'scratch')).isSymbolicLink()).toBe(false);
    expect(dirname(dirname(opened))).toBe(join(dataDir, 'scratch'));
    expect(readdirSync(elsewhere)).toEqual([]);
  });

  it('a plain file planted in its place is replaced by a private folder', async () => {
    const dataDir = tempDir();
    writeFileSync(join(dataDir, 'scratch'), 'not a folder');
    const desktop = recordingDesktop();
    const core = await openCore(dataDir, { desktop });
    const opened = await openAFile(core, desktop);
    expect(dirname(dirname(opened))).toBe(join(dataDir, 'scratch'));
    expect(modeOf(join(dataDir, 'scratch'))).toBe(0o700);
  });

  // Handing a folder to another user needs root; CI runs as root.
  it.skipIf(!isRoot)(
    "a folder owned by another user is not used: it is replaced by one of the user's own",
    async () => {
      const dataDir = tempDir();
      const desktop = recordingDesktop();
      const core = await openCore(dataDir, { desktop });
      rmSync(join(dataDir, 'scratch'), { recursive: true, force: true });
      mkdirSync(join(dataDir, 'scratch'), { mode: 0o700 });
      chownSync(join(dataDir, 'scratch'), 65534, 65534);

      const opened = await openAFile(core, desktop);

      expect(statSync(join(dataDir, 'scratch')).uid).toBe(process.getuid!());
      expect(dirname(dirname(opened))).toBe(join(dataDir, 'scratch'));
    },
  );
});
