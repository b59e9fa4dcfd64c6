import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { callsInZone, type ZoneCall } from '../support/in-zone';

// Beside the days tests rather than the renderer file: each zone runs in a child process, which needs Node.
const activityTime = resolve(__dirname, '../../renderer/src/features/activities/activityTime.ts');

// The words are formatted in the default locale: pin it for the child processes, which take this environment.
process.env.LC_ALL = 'en_US.UTF-8';

/** Runs the calls in Stockholm's time zone (clocks forward on 29 Mar 2026, back on 25 Oct 2026). */
function inStockholm(calls: readonly ZoneCall[]): unknown[] {
  // ICU puts a narrow no-break space before AM/PM; compare with a plain one.
  return callsInZone('Europe/Stockholm', activityTime, calls).map((result) =>
    typeof result === 'string' ? result.replace(/\u202f/g, ' ') : result,
  );
}

describe('activity times in words, in the local time zone', () => {
  it('names the calendar day, not 24-hour spans, across the day the clocks go forward (a 23-hour day)', () => {
    const now = '2026-03-28T23:30:00.000Z'; // 29 Mar 00:30, before the clocks go forward
    expect(
      inStockholm([
        ['dayAndTime', '2026-03-29T21:30:00.000Z', now], // 23:30 the same day, 22 hours later
        ['dayAndTime', '2026-03-29T22:10:00.000Z', now], // 00:10 the next day, only 22 h 40 min later
        ['dayAndTime', '2026-03-28T22:59:00.000Z', now], // 23:59 the day before, 31 minutes earlier
        ['dayAndTime', '2026-03-26T23:00:00.000Z', now], // midnight two days before
      ]),
    ).toEqual(['Today 11:30 PM', 'Tomorrow 12:10 AM', 'Yesterday 11:59 PM', 'Fri, Mar 27 12:00 AM']);
  });

  it('keeps a 25-hour day as one day when the clocks go back, and shows the repeated hour as it reads', () => {
    expect(
      inStockholm([
        // 25 Oct 00:05 → 23:55 is 24 h 50 min, still the same day.
        ['dayAndTime', '2026-10-25T22:55:00.000Z', '2026-10-24T22:05:00.000Z'],
        // 02:30 happens twice that night (summer time, then winter time): both read 2:30.
        ['dayAndTime', '2026-10-25T00:30:00.000Z', '2026-10-25T11:00:00.000Z'],
        ['dayAndTime', '2026-10-25T01:30:00.000Z', '2026-10-25T11:00:00.000Z'],
        // From 26 Oct 00:30: midnight that began the long day was yesterday; a minute before it, two days ago.
        ['dayAndTime', '2026-10-24T22:00:00.000Z', '2026-10-25T23:30:00.000Z'],
        ['dayAndTime', '2026-10-24T21:59:00.000Z', '2026-10-25T23:30:00.000Z'],
      ]),
    ).toEqual(['Today 11:55 PM', 'Today 2:30 AM', 'Today 2:30 AM', 'Yesterday 12:00 AM', 'Sat, Oct 24 11:59 PM']);
  });

  it('adds the year only for another year, also when New Year lies between', () => {
    expect(
      inStockholm([
        ['dayAndTime', '2025-03-03T09:00:00.000Z', '2026-06-01T10:00:00.000Z'],
        ['dayAndTime', '2026-12-31T22:30:00.000Z', '2027-01-01T08:00:00.000Z'], // 23:30 on New Year's Eve
        ['dayAndTime', '2027-01-01T10:00:00.000Z', '2026-12-31T20:00:00.000Z'],
      ]),
    ).toEqual(['Mar 3, 2025 10:00 AM', 'Yesterday 11:30 PM', 'Tomorrow 11:00 AM']);
  });

  it('reads a task due "some time that day" as the day alone, also on both days the clocks change', () => {
    expect(
      inStockholm([
        ['fromInputs', '2026-03-29', ''],
        ['fromInputs', '2026-10-25', ''],
        ['isAllDay', '2026-03-29T21:59:00.000Z'],
        ['isAllDay', '2026-10-25T22:59:00.000Z'],
        ['isAllDay', '2026-10-25T22:58:00.000Z'],
        ['dueWords', '2026-10-25T22:59:00.000Z', '2026-10-25T10:00:00.000Z'],
        ['dueWords', '2026-10-25T22:59:00.000Z', '2026-10-24T10:00:00.000Z'],
        ['dueWords', '2026-10-25T09:00:00.000Z', '2026-10-24T10:00:00.000Z'],
        ['timeInputValue', '2026-10-25T22:59:00.000Z'],
        ['timeInputValue', '2026-10-25T08:05:00.000Z'],
        ['dateInputValue', '2026-10-25T22:59:00.000Z'],
      ]),
    ).toEqual([
      '2026-03-29T21:59:00.000Z',
      '2026-10-25T22:59:00.000Z',
      true,
      true,
      false,
      'Today',
      'Tomorrow',
      'Tomorrow 10:00 AM',
      '',
      '09:05',
      '2026-10-25',
    ]);
  });

  it('makes an all-day task overdue only once its day is over, a timed one right after its time', () => {
    const allDay = '2026-10-25T22:59:00.000Z'; // 25 Oct, some time that day
    expect(
      inStockholm([
        ['isOverdue', allDay, '2026-10-25T22:58:00.000Z'], // 23:58
        ['isOverdue', allDay, '2026-10-25T22:59:30.000Z'], // 23:59:30, the day's last minute
        ['isOverdue', allDay, '2026-10-25T23:00:00.000Z'], // midnight: the day is over
        ['isOverdue', '2026-10-25T09:00:00.000Z', '2026-10-25T09:00:00.000Z'],
        ['isOverdue', '2026-10-25T09:00:00.000Z', '2026-10-25T09:00:01.000Z'],
      ]),
    ).toEqual([false, false, true, false, true]);
  });

  it('turns what the date and time inputs hold into a moment, or null for what is no real day or time', () => {
    expect(
      inStockholm([
        ['fromInputs', '2026-03-29', '02:30'], // skipped by the clocks: the moment it would have been, 03:30
        ['fromInputs', '2026-10-25', '09:05'],
        ['fromInputs', '2026-02-31', '10:00'],
        ['fromInputs', '2026-02-31', ''],
        ['fromInputs', '2026-03-10', '24:00'],
        ['fromInputs', '2026-3-9', '09:00'],
        ['fromInputs', '', ''],
        ['fromInputs', '2026-03-10', '9:00'],
      ]),
    ).toEqual(['2026-03-29T01:30:00.000Z', '2026-10-25T08:05:00.000Z', null, null, null, null, null, null]);
  });

  it('lowers only a leading day word for the middle of a sentence', () => {
    expect(
      inStockholm([
        ['inSentence', 'Today 2:00 PM'],
        ['inSentence', 'Yesterday'],
        ['inSentence', 'Tomorrow 9:00 AM'],
        ['inSentence', 'Fri, Mar 27 Today'],
      ]),
    ).toEqual(['today 2:00 PM', 'yesterday', 'tomorrow 9:00 AM', 'Fri, Mar 27 Today']);
  });
});
