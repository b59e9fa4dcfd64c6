import { describe, expect, it } from 'vitest';
import { channelNames } from '../../shared/contract';
import { call } from '../support/crm';
import { useCores } from '../support/core';
import { recordingDesktop } from '../support/recording-desktop';
import { useTempDirs } from '../support/temp-dir';
import { databaseWatch } from './database-watch';
import { excludedChannels, fuzzIpc, summaryLines } from './ipc-run';
import { prototypeWatch } from './prototype-watch';
import { withOwnKey } from './ipc-inputs';

// A fixed seed so `npm test` is repeatable; the long run (npm run fuzz) takes a new one each time.
const seed = Number(process.env.FUZZ_SEED ?? 20261207);
const minimumCalls = 10_000;

describe('the checks the IPC fuzz relies on', () => {
  const tempDir = useTempDirs();
  const openCore = useCores();

  it('the database watch sees a saved change, and not a write that was rolled back', async () => {
    const core = await openCore(tempDir(), { desktop: recordingDesktop() });
    const database = databaseWatch(() => core.db);

    database.mark();
    await call(core, 'contacts.create', { name: 'Anna Berg' });
    expect(database.changedSinceMark()).toBe(true);

    // The contact row is written, then the missing custom field fails the transaction: total_changes() moves, the data does not.
    database.mark();
    const changesBefore = core.db.prepare('SELECT total_changes()').pluck().get();
    const refused = await core.dispatch('contacts.create', { name: 'Bob Stone', custom: { '999': 'x' } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(core.db.prepare('SELECT total_changes()').pluck().get()).not.toBe(changesBefore);
    expect(database.changedSinceMark()).toBe(false);

    // A change made outside any handler is seen too.
    database.mark();
    core.db.prepare("UPDATE contacts SET name = 'Anna Lind' WHERE name = 'Anna Berg'").run();
    expect(database.changedSinceMark()).toBe(true);
  });

  it('the prototype watch sees a key added to Object.prototype or Array.prototype', () => {
    const prototypes = prototypeWatch();
    expect(prototypes.newKeys()).toEqual([]);
    Object.assign(Object.prototype, { polluted: true });
    Object.assign(Array.prototype, { alsoPolluted: true });
    expect(prototypes.newKeys()).toEqual(['Object.prototype.polluted', 'Array.prototype.alsoPolluted']);
    prototypes.clean();
    expect(prototypes.newKeys()).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a generated "__proto__" key is an own key, as JSON.parse and structured clone deliver it, not a new prototype', () => {
    for (const input of [
      JSON.parse('{"__proto__": {"polluted": true}}') as object,
      withOwnKey({}, '__proto__', { polluted: true }),
    ]) {
      expect(Object.keys(input)).toEqual(['__proto__']);
      expect(Object.getPrototypeOf(input)).toBe(Object.prototype);
    }
  });
});

describe('10,000 generated inputs across the IPC contract', () => {
  it('give no crash, no hang, no INTERNAL error, no changed row on a refusal, and no polluted prototype', async () => {
    const driven = channelNames.length - Object.keys(excludedChannels).length;
    const report = await fuzzIpc({ seed, rounds: Math.ceil(minimumCalls / driven), log: (line) => console.log(line) });
    console.log(summaryLines(report).join('\n'));

    expect(report.calls).toBeGreaterThanOrEqual(minimumCalls);
    expect(Object.keys(report.callsPerChannel)).toHaveLength(driven);
    expect(report.failures).toEqual([]);
    // The run reached the handlers, not only the schemas.
    expect(report.outcomes.ok).toBeGreaterThan(minimumCalls / 50);
    expect(report.outcomes.NOT_FOUND).toBeGreaterThan(minimumCalls / 50);
  }, 240_000);
});
