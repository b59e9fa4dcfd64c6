import { describe, expect, it } from 'vitest';
import { useChildren } from '../../tests/support/child';
import { useCores } from '../../tests/support/core';
import { useTempDirs } from '../../tests/support/temp-dir';
import { openCore } from './core';
import { memoryLogger } from './logger';
import { objectContaining, stringMatching } from '../../tests/support/matchers';

const alreadyOpen = objectContaining({
  code: 'ALREADY_OPEN',
  message: stringMatching(/Rolodesk is already open on this data/),
});

describe('one Rolodesk per data directory', () => {
  const tempDir = useTempDirs();
  const openTestCore = useCores();
  const startChild = useChildren();
  const open = (dataDir: string) => openCore({ dataDir, logger: memoryLogger(), appVersion: 'test' });

  it('refuses a second opener in the same process and frees the directory on close', async () => {
    const dataDir = tempDir();
    const first = await openTestCore(dataDir);
    await expect(open(dataDir)).rejects.toThrow(alreadyOpen);
    await first.close();
    await expect(openTestCore(dataDir)).resolves.toBeDefined();
  });

  it('refuses a second process with the "already open" error', async () => {
    const dataDir = tempDir();
    await openTestCore(dataDir);
    const child = startChild('hold-data-dir.ts', [dataDir]);
    expect(await child.waitForLine(/^error /)).toMatch(/ALREADY_OPEN Rolodesk is already open on this data/);
    expect((await child.exited).code).toBe(3);
  });

  it('is refused while another process holds the data, and free again once that process is killed', async () => {
    const dataDir = tempDir();
    const child = startChild('hold-data-dir.ts', [dataDir]);
    await child.waitForLine(/^ready$/);
    await expect(open(dataDir)).rejects.toThrow(alreadyOpen);
    child.process.kill('SIGKILL');
    expect((await child.exited).signal).toBe('SIGKILL');
    // The OS drops a dead process's file locks: no stale lock survives a crash.
    await expect(openTestCore(dataDir)).resolves.toBeDefined();
  });
});
