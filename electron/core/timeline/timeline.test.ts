import { describe, expect, it } from 'vitest';
import type { TimelineEntry } from '../../../shared/schemas/timeline';
import { call, count, failure, update, fromCurrent } from '../../../tests/support/crm';
import { fixedClock, useCores } from '../../../tests/support/core';
import { samples } from '../../../tests/support/sample-files';
import { useTempDirs } from '../../../tests/support/temp-dir';
import { upload } from '../../../tests/support/upload';

const describeEntry = (entry: TimelineEntry) => {
  switch (entry.type) {
    case 'activity':
      return `activity: ${entry.activity.subject}`;
    case 'change':
      return `${entry.change.action}: ${entry.change.label} ${String(entry.change.oldValue)} → ${String(entry.change.newValue)}`;
    case 'attachment':
      return `file: ${entry.attachment.fileName}`;
    case 'created':
      return 'created';
  }
};

describe('timeline', () => {
  const tempDir = useTempDirs();
  const openCore = useCores();

  it('is one stream per record, newest first: activities, field changes, files and its creation', async () => {
    const clock = fixedClock('2026-03-01T09:00:00.000Z');
    const core = await openCore(tempDir(), { clock });
    const anna = await call(core, 'contacts.create', { name: 'Anna', email: 'anna@old.example' });
    clock.advance(60_000);
    await call(core, 'activities.create', { kind: 'call', subject: 'First call', contactId: anna.id });
    clock.advance(60_000);
    await update(core, 'contacts.update', { id: anna.id, name: 'Anna', email: 'anna@new.example' });
    clock.advance(60_000);
    const added = await upload(core, anna.id, 'card.png', samples.png);
    expect(added.ok).toBe(true);
    clock.advance(60_000);
    const vip = await call(core, 'tags.create', { name: 'VIP' });
    await call(core, 'tags.link', { record: { kind: 'contact', id: anna.id }, tagId: vip.id });
    const budget = await call(core, 'customFields.create', { kind: 'contact', label: 'Budget', type: 'number' });
    clock.advance(60_000);
    await update(core, 'contacts.update', {
      id: anna.id,
      name: 'Anna',
      email: 'anna@new.example',
      custom: { [budget.id]: 5000 },
    });

    const { entries, next } = await call(core, 'timeline.list', { record: { kind: 'contact', id: anna.id } });
    expect(entries.map(describeEntry)).toEqual([
      'changed: Budget null → 5000',
      'tagged: Tags null → VIP',
      'file: card.png',
      'changed: Email anna@old.example → anna@new.example',
      'activity: First call',
      'created',
    ]);
    expect(next).toBeNull();
  });

  it('reads a page at a time by keyset, without repeats or gaps, even for entries of the same instant', async () => {
    const clock = fixedClock('2026-03-01T09:00:00.000Z');
    const core = await openCore(tempDir(), { clock });
    const deal = await call(core, 'deals.create', { title: 'Deal' });
    for (let i = 0; i < 25; i++) {
      if (i % 3 === 0) clock.advance(1000);
      await call(core, 'activities.create', { kind: 'note', subject: `Note ${i}`, dealId: deal.id });
      await update(core, 'deals.update', { id: deal.id, valueMinor: i + 1 });
    }
    const seen: string[] = [];
    let before: TimelineEntry['cursor'] | undefined;
    for (let page = 0; page < 20; page++) {
      const result = await call(core, 'timeline.list', {
        record: { kind: 'deal', id: deal.id },
        limit: 7,
        ...(before ? { before } : {}),
      });
      seen.push(...result.entries.map((entry) => `${entry.type}:${entry.cursor.id}`));
      if (!result.next) break;
      before = result.next;
    }
    expect(seen).toHaveLength(25 + 25 + 1);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.at(-1)).toBe(`created:${deal.id}`);
    expect(await failure(core, 'timeline.list', { record: { kind: 'deal', id: 999 } })).toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('writes history in the same transaction as the change: a failing write leaves neither', async () => {
    const core = await openCore(tempDir());
    const acme = await call(core, 'companies.create', { name: 'Acme', industry: 'Media' });
    core.db.exec(
      "CREATE TEMP TRIGGER history_fails BEFORE INSERT ON record_history BEGIN SELECT RAISE(ABORT, 'history write failed'); END",
    );
    expect(
      await failure(
        core,
        'companies.update',
        fromCurrent(core, 'companies.update', { id: acme.id, industry: 'Dental' }),
      ),
    ).toMatchObject({ code: 'INTERNAL' });
    expect(await call(core, 'companies.get', { id: acme.id })).toMatchObject({ industry: 'Media' });
    core.db.exec('DROP TRIGGER history_fails');

    // And the other way round: the change fails after its history was written.
    core.db.exec(
      "CREATE TEMP TRIGGER tag_link_fails BEFORE INSERT ON company_tags BEGIN SELECT RAISE(ABORT, 'tag write failed'); END",
    );
    const vip = await call(core, 'tags.create', { name: 'VIP' });
    expect(
      await failure(
        core,
        'companies.update',
        fromCurrent(core, 'companies.update', { id: acme.id, industry: 'Dental', tagIds: [vip.id] }),
      ),
    ).toMatchObject({ code: 'INTERNAL' });
    expect(await call(core, 'companies.get', { id: acme.id })).toMatchObject({ industry: 'Media', tagIds: [] });
    expect(count(core, 'SELECT count(*) FROM record_history')).toBe(0);
    core.db.exec('DROP TRIGGER tag_link_fails');
    await update(core, 'companies.update', { id: acme.id, industry: 'Dental' });
    expect(count(core, 'SELECT count(*) FROM record_history')).toBe(1);
  });
});
