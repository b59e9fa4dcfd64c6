import { describe, expect, it } from 'vitest';
import { omit } from './omit';

describe('omit', () => {
  it('copies every key but the named ones and leaves the original as it was', () => {
    const snapshot = { id: 's1', manifest: { format: 2 }, databaseSha256: 'ab', sizeBytes: 10 };
    expect(omit(snapshot, 'manifest', 'databaseSha256')).toEqual({ id: 's1', sizeBytes: 10 });
    expect(snapshot).toEqual({ id: 's1', manifest: { format: 2 }, databaseSha256: 'ab', sizeBytes: 10 });
  });

  it('drops a named key even when its value is undefined, as a rest pattern does', () => {
    expect(Object.keys(omit({ kept: 1, dropped: undefined }, 'dropped'))).toEqual(['kept']);
  });
});
