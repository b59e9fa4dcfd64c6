import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultBackupSettings } from '../../../shared/schemas/backup';
import { callsInZone } from '../../../tests/support/in-zone';
import { snapshotsToKeep, type RetainedCandidate } from '../backups/retention';
import { backupsNote, lastPruneOf } from './backups-holding';

const hour = 3600 * 1000;
const module = resolve(__dirname, 'backups-holding.ts');

/** What the backup folder holds after a snapshot every hour from `from` to `now`, pruned as the app prunes. */
function keptAfterHourlyBackups(from: string, now: string): RetainedCandidate[] {
  let kept: RetainedCandidate[] = [];
  for (let time = Date.parse(from); time <= Date.parse(now); time += hour) {
    kept.push({ id: new Date(time).toISOString(), createdAt: new Date(time), verified: true });
    const keep = snapshotsToKeep(kept, new Date(time), defaultBackupSettings);
    kept = kept.filter((snapshot) => keep.has(snapshot.id));
  }
  return kept;
}

describe('when the backups holding an erased person expire', () => {
  // Unit tests run in UTC (vitest.config.mts); 2026-06-30 is a Tuesday.
  it('after months of hourly backups: on the Monday four weeks on, when last week’s weekly snapshot ages out', () => {
    const now = '2026-06-30T12:00:00.000Z';
    const existing = keptAfterHourlyBackups('2026-04-01T00:00:00.000Z', now);
    expect(existing.length).toBeGreaterThan(10);
    const lastPrune = lastPruneOf(existing, new Date(now), defaultBackupSettings)!;
    // Last week's newest (Sunday 28 June) is kept for the 4 weeks before the current one: gone in the week of 27 July.
    expect(lastPrune.toISOString()).toBe('2026-07-27T12:00:00.000Z');
    expect(backupsNote(existing.length, lastPrune)).toContain('the last of them expires on Monday 27 July 2026');
  });

  it('with a keep-only-the-newest policy, the old ones go with the next few backups', () => {
    const now = new Date('2026-06-30T12:00:00.000Z');
    const existing = keptAfterHourlyBackups('2026-06-30T00:00:00.000Z', now.toISOString());
    const lastPrune = lastPruneOf(existing, now, {
      ...defaultBackupSettings,
      keepNewest: 2,
      keepDaily: 0,
      keepWeekly: 0,
    })!;
    expect(lastPrune.toISOString()).toBe('2026-07-01T12:00:00.000Z');
  });

  it('no backups: nothing holds them, and the note says so and that exported files are not tracked', () => {
    expect(lastPruneOf([], new Date('2026-06-30T12:00:00.000Z'), defaultBackupSettings)).toBeUndefined();
    expect(backupsNote(0, undefined)).toBe(
      'No Rolodesk backups hold this person. Backup files exported and saved elsewhere are not tracked by Rolodesk: delete those yourself.',
    );
  });

  it('counts the computer’s own calendar weeks across the week the clocks go back (Berlin, 25 October 2026)', () => {
    // 00:30 on Monday 26 October in Berlin (winter time since Sunday), still Sunday 25 October in UTC.
    const snapshot = { id: 'snapshot', createdAt: '2026-10-25T23:30:00.000Z', verified: true };
    const now = '2026-10-26T08:00:00.000Z';
    const [inBerlin] = callsInZone('Europe/Berlin', module, [['lastPruneOf', [snapshot], now, defaultBackupSettings]]);
    const [inUtc] = callsInZone('UTC', module, [['lastPruneOf', [snapshot], now, defaultBackupSettings]]);
    // Berlin: this week's, replaced at once as the day's and the week's newest; the 4 newest roll past it by Thursday noon (local: 11:00 UTC).
    expect(inBerlin).toBe('2026-10-29T11:00:00.000Z');
    // UTC: last week's newest, kept for the 4 weeks after it: gone when the week of 23 November begins.
    expect(inUtc).toBe('2026-11-23T12:00:00.000Z');
  });
});
