import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { callsInZone } from '../../../tests/support/in-zone';
import { defaultBackupSettings } from '../../../shared/schemas/backup';
import { snapshotsToKeep, type RetainedCandidate } from './retention';

const hour = 3600 * 1000;
const at = (iso: string) => new Date(iso);

/** A snapshot every `everyHours` from `from` up to and including `to`. */
function every(
  everyHours: number,
  from: string,
  to: string,
  verified: (time: Date) => boolean = () => true,
): RetainedCandidate[] {
  const list: RetainedCandidate[] = [];
  for (let time = at(from).getTime(); time <= at(to).getTime(); time += everyHours * hour) {
    list.push({ id: new Date(time).toISOString(), createdAt: new Date(time), verified: verified(new Date(time)) });
  }
  return list;
}

describe('retention', () => {
  const now = at('2026-06-30T12:00:00.000Z');
  const year = every(6, '2025-07-01T00:00:00.000Z', '2026-06-30T12:00:00.000Z');

  // 2026-06-30 is a Tuesday; calendar weeks start on Monday (unit tests run in UTC, see vitest.config.mts).
  it('keeps exactly the 4 newest, the newest of each of the 7 days before today and of each of the 4 weeks before this one', () => {
    expect([...snapshotsToKeep(year, now, defaultBackupSettings)].sort()).toEqual(
      [
        '2026-06-30T12:00:00.000Z', // the 4 newest
        '2026-06-30T06:00:00.000Z',
        '2026-06-30T00:00:00.000Z',
        '2026-06-29T18:00:00.000Z', // …also the newest of the day before today
        '2026-06-28T18:00:00.000Z', // days 2…7 before today; the 28th is also last week's newest
        '2026-06-27T18:00:00.000Z',
        '2026-06-26T18:00:00.000Z',
        '2026-06-25T18:00:00.000Z',
        '2026-06-24T18:00:00.000Z',
        '2026-06-23T18:00:00.000Z',
        '2026-06-21T18:00:00.000Z', // weeks 2…4 before this one (Sundays)
        '2026-06-14T18:00:00.000Z',
        '2026-06-07T18:00:00.000Z',
      ].sort(),
    );
  });

  it('never lets go of the newest verified snapshot, however old', () => {
    const onlyOldOnesVerified = every(
      6,
      '2025-07-01T00:00:00.000Z',
      '2026-06-30T12:00:00.000Z',
      (time) => time < at('2026-03-01T00:00:00.000Z'),
    );
    const kept = snapshotsToKeep(onlyOldOnesVerified, now, defaultBackupSettings);
    expect(kept.has('2026-02-28T18:00:00.000Z')).toBe(true);
    expect(kept.size).toBe(14);
  });

  it('keeps everything while there are fewer snapshots than the policy allows', () => {
    const few = every(24, '2026-06-28T12:00:00.000Z', '2026-06-30T12:00:00.000Z');
    expect(snapshotsToKeep(few, now, defaultBackupSettings).size).toBe(3);
  });

  it('over a simulated year of snapshots every 15 minutes and a prune after each, stays bounded and keeps four weeks of history', () => {
    let kept: RetainedCandidate[] = [];
    const start = at('2025-07-01T00:00:00.000Z').getTime();
    for (let time = start; time <= now.getTime(); time += hour / 4) {
      const clock = new Date(time);
      kept.push({ id: clock.toISOString(), createdAt: clock, verified: true });
      const keep = snapshotsToKeep(kept, clock, defaultBackupSettings);
      kept = kept.filter((candidate) => keep.has(candidate.id));
      expect(kept.length).toBeLessThanOrEqual(4 + 7 + 4 + 1);
      expect(kept.at(-1)?.createdAt).toEqual(clock); // the newest always stays
    }
    const oldest = Math.min(...kept.map((candidate) => candidate.createdAt.getTime()));
    expect(now.getTime() - oldest).toBeGreaterThan(21 * 24 * hour);
  });
});

describe('retention by the user’s calendar days, across the days the clocks change', () => {
  const retention = resolve(__dirname, 'retention.ts');
  const hourly = (from: string, to: string) => every(1, from, to);
  const daily = { keepNewest: 1, keepDaily: 3, keepWeekly: 0 };
  const weekly = { keepNewest: 1, keepDaily: 0, keepWeekly: 2 };

  const cases = [
    {
      zone: 'Europe/Berlin',
      // Now: 27 Oct 11:00 CET. Kept: the last of 26 Oct, of 25 Oct (25 hours long), of 24 Oct (CEST).
      daily: {
        from: '2026-10-20T00:00:00.000Z',
        now: '2026-10-27T10:00:00.000Z',
        expected: [
          '2026-10-27T10:00:00.000Z',
          '2026-10-26T22:00:00.000Z',
          '2026-10-25T22:00:00.000Z',
          '2026-10-24T21:00:00.000Z',
        ],
      },
      // Now: Wednesday 28 Oct. Kept: the last of the week ending Sunday 25 Oct (its 23:00 CET), and of the week before (23:00 CEST).
      weekly: {
        from: '2026-10-05T00:00:00.000Z',
        now: '2026-10-28T10:00:00.000Z',
        expected: ['2026-10-28T10:00:00.000Z', '2026-10-25T22:00:00.000Z', '2026-10-18T21:00:00.000Z'],
      },
    },
    {
      zone: 'Australia/Sydney',
      // Now: 7 Apr 11:00 AEST. Clocks went back on 5 Apr (AEDT +11 → AEST +10).
      daily: {
        from: '2026-03-31T00:00:00.000Z',
        now: '2026-04-07T01:00:00.000Z',
        expected: [
          '2026-04-07T01:00:00.000Z',
          '2026-04-06T13:00:00.000Z',
          '2026-04-05T13:00:00.000Z',
          '2026-04-04T12:00:00.000Z',
        ],
      },
      // Now: Wednesday 7 Oct. Clocks went forward on Sunday 4 Oct (AEST +10 → AEDT +11).
      weekly: {
        from: '2026-09-15T00:00:00.000Z',
        now: '2026-10-07T01:00:00.000Z',
        expected: ['2026-10-07T01:00:00.000Z', '2026-10-04T12:00:00.000Z', '2026-09-27T13:00:00.000Z'],
      },
    },
    {
      zone: 'Australia/Adelaide',
      // Snapshots on the UTC hour are at half past in Adelaide: the last of a day is 23:30 local.
      daily: {
        from: '2026-03-31T00:00:00.000Z',
        now: '2026-04-07T01:00:00.000Z',
        expected: [
          '2026-04-07T01:00:00.000Z',
          '2026-04-06T14:00:00.000Z',
          '2026-04-05T14:00:00.000Z',
          '2026-04-04T13:00:00.000Z',
        ],
      },
      weekly: {
        from: '2026-09-15T00:00:00.000Z',
        now: '2026-10-07T01:00:00.000Z',
        expected: ['2026-10-07T01:00:00.000Z', '2026-10-04T13:00:00.000Z', '2026-09-27T14:00:00.000Z'],
      },
    },
  ];

  for (const { zone, daily: days, weekly: weeks } of cases) {
    it(`${zone}: one a day and one a week by the local calendar`, () => {
      const [keptDaily, keptWeekly] = callsInZone(zone, retention, [
        ['snapshotsToKeep', hourly(days.from, days.now), days.now, daily],
        ['snapshotsToKeep', hourly(weeks.from, weeks.now), weeks.now, weekly],
      ]);
      expect(keptDaily).toEqual([...days.expected].sort());
      expect(keptWeekly).toEqual([...weeks.expected].sort());
    });
  }
});
