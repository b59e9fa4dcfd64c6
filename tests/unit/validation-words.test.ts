import { describe, expect, it } from 'vitest';
import { useCores } from '../support/core';
import { recordingDesktop } from '../support/recording-desktop';
import { useTempDirs } from '../support/temp-dir';

// Found by tests/fuzz/ipc.test.ts: where a schema gave no words of its own, the user read zod's
// "Invalid input: expected boolean, received undefined" or "Too big: expected number to be <=500".
describe('a refused request explains each field in words, also where a schema gives none of its own', () => {
  const tempDir = useTempDirs();
  const openCore = useCores();

  it.each([
    ['a missing field', 'app.closeAnswer', {}, 'close: This is missing.'],
    ['yes or no', 'app.closeAnswer', { close: 1 }, 'close: Must be yes or no.'],
    ['a number where the request goes', 'deals.get', 5, 'input: Must be a group of fields.'],
    ['text where a list goes', 'stages.reorder', { ids: 'all' }, 'ids: Must be a list.'],
    [
      'a list too long',
      'stages.reorder',
      { ids: Array.from({ length: 101 }, (_, index) => index + 1) },
      'ids: Must have at most 100 items.',
    ],
    ['a list too short', 'stages.reorder', { ids: [] }, 'ids: Must have at least 1 item.'],
    [
      'a key a record does not take',
      'contacts.create',
      { name: 'Anna', custom: { toString: 'x' } },
      'custom.toString: Is not a field Rolodesk knows.',
    ],
    ['a word not on the list', 'contacts.list', { direction: 'sideways' }, 'direction: Must be one of: asc, desc.'],
  ] as const)('%s', async (_label, channel, input, words) => {
    const core = await openCore(tempDir(), { desktop: recordingDesktop() });
    const result = await core.dispatch(channel, input);
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (result.ok) return;
    expect(result.error.message).toBe(`Please check the highlighted fields. ${words}`);
  });
});
