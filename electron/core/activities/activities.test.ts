import { describe, expect, it } from 'vitest';
import { call, failure, update, fromCurrent } from '../../../tests/support/crm';
import { fixedClock, useCores } from '../../../tests/support/core';
import { useTempDirs } from '../../../tests/support/temp-dir';

const minute = 60_000;
const hour = 60 * minute;

describe('activities', () => {
  const tempDir = useTempDirs();
  const openCore = useCores();

  it('logs notes, calls, meetings and emails on a record, filed under the contact’s company too', async () => {
    const core = await openCore(tempDir(), { clock: fixedClock('2026-03-02T10:00:00.000Z') });
    const acme = await call(core, 'companies.create', { name: 'Acme' });
    const anna = await call(core, 'contacts.create', { name: 'Anna', companyId: acme.id });
    const logged = await call(core, 'activities.create', {
      kind: 'call',
      subject: 'Intro',
      body: 'Went well',
      contactId: anna.id,
      occurredAt: '2026-03-01T15:30:00Z',
    });
    expect(logged).toMatchObject({
      kind: 'call',
      subject: 'Intro',
      body: 'Went well',
      occurredAt: '2026-03-01T15:30:00.000Z',
      contact: { id: anna.id, name: 'Anna' },
      company: { id: acme.id, name: 'Acme' },
      deal: null,
      dueAt: null,
      doneAt: null,
    });
    const deal = await call(core, 'deals.create', { title: 'Big one', companyId: acme.id, contactId: anna.id });
    const onDeal = await call(core, 'activities.create', { kind: 'meeting', subject: 'Kick-off', dealId: deal.id });
    expect(onDeal).toMatchObject({
      contact: { id: anna.id },
      company: { id: acme.id },
      deal: { id: deal.id, name: 'Big one' },
      occurredAt: '2026-03-02T10:00:00.000Z',
    });
    const ofCompany = await call(core, 'activities.list', { record: { kind: 'company', id: acme.id } });
    expect(ofCompany.rows.map((row) => row.subject)).toEqual(['Kick-off', 'Intro']);
  });

  it('refuses an activity that belongs to nothing, is empty, or is a note with a due time', async () => {
    const core = await openCore(tempDir());
    const anna = await call(core, 'contacts.create', { name: 'Anna' });
    expect(await failure(core, 'activities.create', { kind: 'note', body: 'Orphan' })).toMatchObject({
      code: 'VALIDATION',
      details: { fields: [{ field: 'contactId' }] },
    });
    expect(await failure(core, 'activities.create', { kind: 'note', contactId: anna.id })).toMatchObject({
      code: 'VALIDATION',
      details: { fields: [{ field: 'subject' }] },
    });
    expect(
      await failure(core, 'activities.create', {
        kind: 'note',
        body: 'x',
        contactId: anna.id,
        dueAt: '2026-01-01T00:00:00Z',
      }),
    ).toMatchObject({
      code: 'VALIDATION',
      details: { fields: [{ field: 'dueAt' }] },
    });
    expect(await failure(core, 'activities.create', { kind: 'note', body: 'x', dealId: 42 })).toMatchObject({
      code: 'NOT_FOUND',
      details: { fields: [{ field: 'dealId' }] },
    });
    const note = await call(core, 'activities.create', { kind: 'note', body: 'x', contactId: anna.id });
    expect(await failure(core, 'activities.setDone', { id: note.id, done: true })).toMatchObject({
      code: 'VALIDATION',
    });
    expect(
      await failure(
        core,
        'activities.update',
        fromCurrent(core, 'activities.update', { id: note.id, contactId: null }),
      ),
    ).toMatchObject({ code: 'VALIDATION', details: { fields: [{ field: 'contactId' }] } });
  });

  it('marks tasks done and undone', async () => {
    const clock = fixedClock('2026-03-02T10:00:00.000Z');
    const core = await openCore(tempDir(), { clock });
    const anna = await call(core, 'contacts.create', { name: 'Anna' });
    const task = await call(core, 'activities.create', {
      kind: 'task',
      subject: 'Send quote',
      dueAt: '2026-03-03T09:00:00Z',
      contactId: anna.id,
    });
    clock.advance(hour);
    expect(await call(core, 'activities.setDone', { id: task.id, done: true })).toMatchObject({
      doneAt: '2026-03-02T11:00:00.000Z',
    });
    expect((await call(core, 'activities.list', { status: 'done' })).total).toBe(1);
    expect(await call(core, 'activities.setDone', { id: task.id, done: false })).toMatchObject({ doneAt: null });
    expect((await call(core, 'activities.list', { status: 'open' })).total).toBe(1);
  });

  it('Today: open tasks due today and overdue, not done ones or later ones', async () => {
    const clock = fixedClock('2026-03-02T10:00:00.000Z');
    const core = await openCore(tempDir(), { clock });
    const anna = await call(core, 'contacts.create', { name: 'Anna' });
    const task = (subject: string, dueAt: string | null) =>
      call(core, 'activities.create', { kind: 'task', subject, dueAt, contactId: anna.id });
    await task('Last week', '2026-02-23T09:00:00.000Z');
    await task('Yesterday', '2026-03-01T16:00:00.000Z');
    await task('This morning', '2026-03-02T08:00:00.000Z');
    await task('Tonight', '2026-03-02T21:00:00.000Z');
    await task('Tomorrow', '2026-03-03T09:00:00.000Z');
    await task('Someday', null);
    const done = await task('Done already', '2026-03-02T07:00:00.000Z');
    await call(core, 'activities.setDone', { id: done.id, done: true });

    const today = await call(core, 'activities.today', { endOfDay: '2026-03-03T00:00:00.000Z' });
    expect(today.overdue).toMatchObject({ total: 2, rows: [{ subject: 'Last week' }, { subject: 'Yesterday' }] });
    expect(today.dueToday).toMatchObject({ total: 2, rows: [{ subject: 'This morning' }, { subject: 'Tonight' }] });
  });

  it('Today on a 25-hour day: the window’s own start and end of day decide, not 24 hours back from the end', async () => {
    const core = await openCore(tempDir(), { clock: fixedClock('2026-10-25T09:00:00.000Z') });
    const anna = await call(core, 'contacts.create', { name: 'Anna' });
    const task = (subject: string, dueAt: string) =>
      call(core, 'activities.create', { kind: 'task', subject, dueAt, contactId: anna.id });
    // Berlin, 25 Oct 2026: 00:00 CEST (22:00 UTC the day before) to 00:00 CET on the 26th (23:00 UTC).
    await task('23:30 the evening before', '2026-10-24T21:30:00.000Z');
    await task('00:30, in the hour a 24-hour day would have lost', '2026-10-24T22:30:00.000Z');
    await task('23:30, in the hour the clocks gave back', '2026-10-25T22:30:00.000Z');
    await task('00:30 the next day', '2026-10-25T23:30:00.000Z');

    const today = await call(core, 'activities.today', {
      startOfDay: '2026-10-24T22:00:00.000Z',
      endOfDay: '2026-10-25T23:00:00.000Z',
    });
    expect(today.overdue.rows.map((row) => row.subject)).toEqual(['23:30 the evening before']);
    expect(today.dueToday.rows.map((row) => row.subject)).toEqual([
      '00:30, in the hour a 24-hour day would have lost',
      '23:30, in the hour the clocks gave back',
    ]);
    expect(
      await failure(core, 'activities.today', {
        startOfDay: '2026-10-25T23:00:00.000Z',
        endOfDay: '2026-10-24T22:00:00.000Z',
      }),
    ).toMatchObject({ code: 'VALIDATION' });
  });

  describe('dueReminders', () => {
    it('hands out each task that fell due since the last check once, marked in the same transaction', async () => {
      const clock = fixedClock('2026-03-02T10:00:00.000Z');
      const core = await openCore(tempDir(), { clock });
      const anna = await call(core, 'contacts.create', { name: 'Anna Berg' });
      const task = (subject: string, dueAt: string) =>
        call(core, 'activities.create', { kind: 'task', subject, dueAt, contactId: anna.id });
      await task('Long overdue', '2026-02-01T09:00:00.000Z');
      const soon = await task('Call Anna', '2026-03-02T10:05:00.000Z');
      await task('Later', '2026-03-02T12:00:00.000Z');
      const doneSoon = await task('Done before due', '2026-03-02T10:06:00.000Z');
      await call(core, 'activities.setDone', { id: doneSoon.id, done: true });

      expect(await core.dueReminders()).toEqual([]); // the first check looks back one day: nothing fell due
      clock.advance(10 * minute);
      expect(await core.dueReminders()).toEqual([
        { id: soon.id, subject: 'Call Anna', dueAt: '2026-03-02T10:05:00.000Z', about: 'Anna Berg' },
      ]);
      expect(await core.dueReminders()).toEqual([]);
      expect(core.db.prepare('SELECT notified_at FROM activities WHERE id = ?').pluck().get(soon.id)).toBe(
        '2026-03-02T10:10:00.000Z',
      );

      // Moved to a new due time: reminded again at that time.
      await update(core, 'activities.update', { id: soon.id, dueAt: '2026-03-02T11:00:00.000Z' });
      clock.advance(hour);
      expect((await core.dueReminders()).map((reminder) => reminder.subject)).toEqual(['Call Anna']);
      clock.advance(hour);
      expect((await core.dueReminders()).map((reminder) => reminder.subject)).toEqual(['Later']);
    });

    it('remembers the last check across a restart, so tasks that fell due while closed are reminded once', async () => {
      const dataDir = tempDir();
      const clock = fixedClock('2026-03-02T10:00:00.000Z');
      const first = await openCore(dataDir, { clock });
      const anna = await call(first, 'contacts.create', { name: 'Anna' });
      await call(first, 'activities.create', {
        kind: 'task',
        subject: 'While closed',
        dueAt: '2026-03-02T20:00:00.000Z',
        contactId: anna.id,
      });
      expect(await first.dueReminders()).toEqual([]);
      await first.close();
      clock.advance(24 * hour);
      const again = await openCore(dataDir, { clock });
      expect((await again.dueReminders()).map((reminder) => reminder.subject)).toEqual(['While closed']);
      expect(await again.dueReminders()).toEqual([]);
    });
  });
});
