import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../../tests/support/temp-dir';
import { CrmError } from '../errors';
import { memoryLogger } from '../logger';
import { finishInterruptedRestore, journalFileName } from './restore-journal';

describe('the restore journal is read as untrusted', () => {
  const tempDir = useTempDirs();

  it.each([
    [
      'folders that climb out of the data folder',
      JSON.stringify({
        staging: '.restore-staging-/../../outside-staging',
        previous: '.restore-previous-/../../outside-previous',
      }),
    ],
    ['text that is not a journal', '{"staging": 1'],
  ])('one naming %s is refused in words and nothing is moved', async (_label, journal) => {
    const parent = tempDir();
    const root = join(parent, 'data', 'dir');
    mkdirSync(join(root, 'attachments'), { recursive: true });
    writeFileSync(join(root, 'crm.db'), 'the live database');
    writeFileSync(join(root, journalFileName), journal);

    const refused = await finishInterruptedRestore(root, memoryLogger()).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(CrmError);
    expect((refused as CrmError).message).toMatch(
      /^Rolodesk was restoring a backup when it stopped, and its note of that restore .* is damaged/,
    );
    expect(readFileSync(join(root, 'crm.db'), 'utf8')).toBe('the live database');
    expect(existsSync(join(root, 'attachments'))).toBe(true);
    expect(existsSync(join(parent, 'outside-previous'))).toBe(false);
  });
});
