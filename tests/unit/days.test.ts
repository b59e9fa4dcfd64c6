import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { callsInZone, type ZoneCall } from '../support/in-zone';

const days = resolve(__dirname, '../../shared/days.ts');

interface DstDay {
  /** The day the clocks change, and what a day's boundaries are in UTC around it. */
  day: string;
  hours: 23 | 25;
  start: string;
  end: string;
  /** A moment late that day (23:30 local) and early the next (00:30 local). */
  lateThatDay: string;
  earlyNextDay: string;
}

const zones: Array<{ zone: string; changes: DstDay[] }> = [
  {
    zone: 'Europe/Berlin',
    changes: [
      {
        day: '2026-03-29',
        hours: 23,
        start: '2026-03-28T23:00:00.000Z',
        end: '2026-03-29T22:00:00.000Z',
        lateThatDay: '2026-03-29T21:30:00.000Z',
        earlyNextDay: '2026-03-29T22:30:00.000Z',
      },
      {
        day: '2026-10-25',
        hours: 25,
        start: '2026-10-24T22:00:00.000Z',
        end: '2026-10-25T23:00:00.000Z',
        lateThatDay: '2026-10-25T22:30:00.000Z',
        earlyNextDay: '2026-10-25T23:30:00.000Z',
      },
    ],
  },
  {
    zone: 'Australia/Sydney',
    changes: [
      {
        day: '2026-04-05',
        hours: 25,
        start: '2026-04-04T13:00:00.000Z',
        end: '2026-04-05T14:00:00.000Z',
        lateThatDay: '2026-04-05T13:30:00.000Z',
        earlyNextDay: '2026-04-05T14:30:00.000Z',
      },
      {
        day: '2026-10-04',
        hours: 23,
        start: '2026-10-03T14:00:00.000Z',
        end: '2026-10-04T13:00:00.000Z',
        lateThatDay: '2026-10-04T12:30:00.000Z',
        earlyNextDay: '2026-10-04T13:30:00.000Z',
      },
    ],
  },
  {
    zone: 'Australia/Adelaide',
    changes: [
      {
        day: '2026-04-05',
        hours: 25,
        start: '2026-04-04T13:30:00.000Z',
        end: '2026-04-05T14:30:00.000Z',
        lateThatDay: '2026-04-05T14:00:00.000Z',
        earlyNextDay: '2026-04-05T15:00:00.000Z',
      },
      {
        day: '2026-10-04',
        hours: 23,
        start: '2026-10-03T14:30:00.000Z',
        end: '2026-10-04T13:30:00.000Z',
        lateThatDay: '2026-10-04T13:00:00.000Z',
        earlyNextDay: '2026-10-04T14:00:00.000Z',
      },
    ],
  },
];

const hour = 3_600_000;
const plus = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();
const nextDay = (day: string) => new Date(Date.parse(`${day}T12:00:00Z`) + 24 * hour).toISOString().slice(0, 10);

describe('calendar days in the local time zone', () => {
  for (const { zone, changes } of zones) {
    it(`${zone}: a day that changes the clocks starts and ends at midnight, however many hours it has`, () => {
      const calls: ZoneCall[] = changes.flatMap((change): ZoneCall[] => {
        const noon = plus(change.start, 12 * hour);
        return [
          ['startOfDay', change.lateThatDay],
          ['endOfDay', change.lateThatDay],
          ['endOfDay', change.start],
          ['nextMidnight', plus(change.end, -1)],
          ['startOfDayAfter', noon, -1],
          ['calendarDaysBetween', noon, change.lateThatDay],
          ['calendarDaysBetween', noon, change.earlyNextDay],
          ['calendarDaysBetween', change.earlyNextDay, change.start],
          ['isSameDay', change.start, change.lateThatDay],
          ['isSameDay', change.lateThatDay, change.earlyNextDay],
          ['dayText', change.lateThatDay],
          ['dayText', change.earlyNextDay],
          ['dayFromText', change.day],
          ['momentOnDay', change.day, '23:30'],
          ['lastMinuteOfDay', change.day],
          // Noon the day before, one calendar day on: noon again, 23 or 25 hours later.
          ['addCalendarDays', plus(change.start, -12 * hour), 1],
        ];
      });
      const results = callsInZone(zone, days, calls);
      const perChange = results.length / changes.length;
      changes.forEach((change, index) => {
        const [
          start,
          end,
          endFromStart,
          midnight,
          dayBeforeStart,
          sameDay,
          oneDayOn,
          backwards,
          same,
          notSame,
          late,
          early,
          fromText,
          onDay,
          lastMinute,
          dayLater,
        ] = results.slice(index * perChange, (index + 1) * perChange);
        expect(Date.parse(change.end) - Date.parse(change.start)).toBe(change.hours * hour);
        expect({ start, end, endFromStart, midnight }).toEqual({
          start: change.start,
          end: change.end,
          endFromStart: change.end,
          midnight: change.end,
        });
        expect(dayBeforeStart).toBe(plus(change.start, -24 * hour));
        expect({ sameDay, oneDayOn, backwards, same, notSame }).toEqual({
          sameDay: 0,
          oneDayOn: 1,
          backwards: -1,
          same: true,
          notSame: false,
        });
        expect({ late, early }).toEqual({ late: change.day, early: nextDay(change.day) });
        expect({ fromText, onDay, lastMinute }).toEqual({
          fromText: change.start,
          onDay: change.lateThatDay,
          lastMinute: plus(change.end, -60_000),
        });
        expect(dayLater).toBe(plus(change.start, (change.hours - 12) * hour));
      });
    });
  }

  it('where a zone skips midnight (Santiago, 6 Sep 2026) the day starts at 01:00 and the next one at 00:00 again', () => {
    const [start, end, between] = callsInZone('America/Santiago', days, [
      ['startOfDay', '2026-09-06T16:00:00.000Z'],
      ['endOfDay', '2026-09-06T16:00:00.000Z'],
      ['calendarDaysBetween', '2026-09-05T12:00:00.000Z', '2026-09-06T04:00:00.000Z'],
    ]);
    expect(start).toBe('2026-09-06T04:00:00.000Z'); // 01:00 -03
    expect(end).toBe('2026-09-07T03:00:00.000Z'); // 00:00 -03, not 01:00
    expect(between).toBe(1);
  });

  it('reads only real days and times', () => {
    const results = callsInZone('Europe/Berlin', days, [
      ['dayFromText', '2026-02-31'],
      ['dayFromText', '26-10-25'],
      ['dayFromText', ''],
      ['momentOnDay', '2026-10-25', '24:00'],
      ['momentOnDay', '2026-10-25', '9:5'],
      ['momentOnDay', '2026-02-29', '10:00'],
      ['lastMinuteOfDay', 'soon'],
      // 02:30 does not exist on 29 Mar in Berlin: it is the moment it would have been, 03:30 CEST.
      ['momentOnDay', '2026-03-29', '02:30'],
    ]);
    expect(results).toEqual([null, null, null, null, null, null, null, '2026-03-29T01:30:00.000Z']);
  });
});
