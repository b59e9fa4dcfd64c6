import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { call, count, failure, type TestCore } from '../../../tests/support/crm';
import { useCores } from '../../../tests/support/core';
import { recordingDesktop } from '../../../tests/support/recording-desktop';
import { useTempDirs } from '../../../tests/support/temp-dir';
import { consentWriter } from '../contacts/consent';
import { arrayContaining, stringContaining } from '../../../tests/support/matchers';

const at = '2026-03-01T10:00:00.000Z';

/** A campaign with these people as members (campaigns have no channels of their own yet: another part builds them). */
function campaignOf(core: TestCore, name: string, contactIds: number[]): number {
  const campaignId = Number(
    core.db
      .prepare(
        "INSERT INTO campaigns (name, channel, currency, created_at, updated_at) VALUES (?, 'email', 'EUR', ?, ?)",
      )
      .run(name, at, at).lastInsertRowid,
  );
  const add = core.db.prepare(
    'INSERT INTO campaign_members (campaign_id, contact_id, status_at, added_at) VALUES (?, ?, ?, ?)',
  );
  core.db.transaction(() => contactIds.forEach((id) => add.run(campaignId, id, at, at)))();
  return campaignId;
}

function unsubscribe(core: TestCore, contactId: number, status: 'unsubscribed' | 'do_not_contact' = 'unsubscribed') {
  core.db.transaction(() => consentWriter(core.db)({ contactId, status, source: 'email', at }))();
}

describe('mail-merge templates', () => {
  const tempDir = useTempDirs();
  const openCore = useCores();

  /** Anna (Acme, custom fields), Bob (unsubscribed), Carl (no email), Dora (do not contact), Eve (a formula for a name). */
  async function people(options: Parameters<typeof openCore>[1] = {}) {
    const core = await openCore(tempDir(), options);
    const level = await call(core, 'customFields.create', {
      kind: 'contact',
      label: 'Membership level',
      type: 'choice',
      choices: ['Gold', 'Silver'],
    });
    const region = await call(core, 'customFields.create', { kind: 'company', label: 'Region', type: 'text' });
    const acme = await call(core, 'companies.create', {
      name: 'Acme & Söhne',
      industry: 'Engineering',
      custom: { [region.id]: 'Nord' },
    });
    const anna = await call(core, 'contacts.create', {
      name: 'Dr. Anna Berg',
      email: 'anna@acme.example',
      companyId: acme.id,
      custom: { [level.id]: 'Gold' },
    });
    const bob = await call(core, 'contacts.create', { name: 'Bob Stone', email: 'bob@example.com' });
    const carl = await call(core, 'contacts.create', { name: 'Carl Grey' });
    const dora = await call(core, 'contacts.create', { name: 'Dora Lee', email: 'dora@example.com' });
    const eve = await call(core, 'contacts.create', {
      name: '=HYPERLINK("http://evil.example")',
      email: 'eve@example.com',
    });
    unsubscribe(core, bob.id);
    unsubscribe(core, dora.id, 'do_not_contact');
    const campaignId = campaignOf(core, 'Spring “news”', [anna.id, bob.id, carl.id, dora.id, eve.id]);
    return { core, level, region, acme, anna, bob, carl, dora, eve, campaignId };
  }

  it('are created, listed, changed and deleted, each name once ignoring case', async () => {
    const core = await openCore(tempDir());
    const hello = await call(core, 'templates.create', {
      name: 'Hello',
      subject: 'Hi {{first_name}}',
      body: 'Dear {{first_name | "friend"}}',
    });
    expect(hello).toMatchObject({ name: 'Hello', format: 'text', subject: 'Hi {{first_name}}' });
    expect(await failure(core, 'templates.create', { name: 'hello' })).toMatchObject({
      code: 'VALIDATION',
      details: { fields: [{ field: 'name' }] },
    });
    const changed = await call(core, 'templates.update', {
      id: hello.id,
      body: 'Hello **{{name}}**',
      format: 'formatted',
    });
    expect(changed).toMatchObject({
      name: 'Hello',
      subject: 'Hi {{first_name}}',
      body: 'Hello **{{name}}**',
      format: 'formatted',
    });
    expect((await call(core, 'templates.list', {})).templates).toEqual([
      { id: hello.id, name: 'Hello', format: 'formatted', updatedAt: changed.updatedAt },
    ]);
    await call(core, 'templates.delete', { id: hello.id });
    expect(await failure(core, 'templates.get', { id: hello.id })).toMatchObject({
      code: 'NOT_FOUND',
      message: 'This template no longer exists. It may have been deleted.',
    });
  });

  it('refuse a 1 MB body with a clear message before anything else, and store nothing', async () => {
    const core = await openCore(tempDir());
    const megabyte = `{{ ${'x'.repeat(1024 * 1024)}`;
    for (const error of [
      await failure(core, 'templates.create', { name: 'Big', body: megabyte }),
      await failure(core, 'templates.check', { subject: '', body: megabyte, format: 'text' }),
      await failure(core, 'templates.preview', { subject: '', body: megabyte, format: 'text', contactId: 1 }),
    ]) {
      expect(error).toMatchObject({
        code: 'VALIDATION',
        details: { fields: [{ field: 'body', message: 'Body is too long: 1,048,579 characters, at most 100,000.' }] },
      });
    }
    expect(await failure(core, 'templates.create', { name: 'Long subject', subject: 'x'.repeat(501) })).toMatchObject({
      details: { fields: [{ field: 'subject', message: 'Subject is too long: 501 characters, at most 500.' }] },
    });
    expect(count(core, 'SELECT count(*) FROM templates')).toBe(0);
  });

  it('offer contact, company and custom fields, and flag a field whose custom field was deleted', async () => {
    const { core, level, region } = await people();
    const fields = (await call(core, 'templates.fields', {})).fields;
    expect(fields.map((field) => field.key)).toEqual(
      arrayContaining([
        'first_name',
        'last_name',
        'email',
        'company',
        'lead_source',
        'company.name',
        'company.industry',
        'membership_level',
        'company.region',
      ]),
    );
    expect(fields.find((field) => field.key === 'company.region')).toEqual({
      key: 'company.region',
      label: 'Region',
      group: 'company',
      custom: true,
    });
    const text = {
      subject: 'Your {{membership_level}} year',
      body: 'Hello from {{company.region}}',
      format: 'text' as const,
    };
    expect((await call(core, 'templates.check', text)).problems).toEqual([]);
    await call(core, 'customFields.delete', { id: level.id });
    await call(core, 'customFields.delete', { id: region.id });
    expect((await call(core, 'templates.check', text)).problems).toEqual([
      { part: 'subject', line: 1, column: 6, message: 'Subject: unknown field {{membership_level}}' },
      { part: 'body', line: 1, column: 12, message: 'Line 1: unknown field {{company.region}}' },
    ]);
  });

  it('preview one member with contact, company and custom values, unknown fields flagged and empty fields named', async () => {
    const { core, anna, carl } = await people();
    const template = {
      subject: 'Hi {{first_name}} at {{company}}',
      body: 'Dear {{first_name}} {{last_name}},\n{{membership_level}} in {{company.region}}.\n{{phone}} {{frist_name}} {{lead_source | "no source"}}',
      format: 'formatted' as const,
    };
    const preview = await call(core, 'templates.preview', { ...template, contactId: anna.id });
    expect(preview).toMatchObject({
      subject: 'Hi Anna at Acme & Söhne',
      text: 'Dear Anna Berg,\nGold in Nord.\n {{frist_name}} no source',
      html: '<p>Dear Anna Berg,<br>Gold in Nord.<br> {{frist_name}} no source</p>',
      unknownFields: ['frist_name'],
      emptyFields: ['phone'],
      problems: [
        {
          part: 'body',
          line: 3,
          column: 11,
          message: 'Line 3: unknown field {{frist_name}} — did you mean {{first_name}}?',
        },
      ],
    });
    const forCarl = await call(core, 'templates.preview', { ...template, contactId: carl.id });
    expect(forCarl.emptyFields).toEqual(['company', 'membership_level', 'company.region', 'phone']);
    expect(await failure(core, 'templates.preview', { ...template, contactId: 999 })).toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('list a campaign’s members for the preview picker, each with whether they may be contacted', async () => {
    const { core, campaignId, anna } = await people();
    const all = await call(core, 'templates.recipients', { campaignId, search: '' });
    expect(all.total).toBe(5);
    expect(all.recipients.map((member) => [member.name, member.mayBeContacted])).toEqual([
      ['=HYPERLINK("http://evil.example")', true],
      ['Bob Stone', false],
      ['Carl Grey', true],
      ['Dora Lee', false],
      ['Dr. Anna Berg', true],
    ]);
    expect((await call(core, 'templates.recipients', { campaignId, search: 'acme.ex' })).recipients).toEqual([
      { contactId: anna.id, name: 'Dr. Anna Berg', email: 'anna@acme.example', mayBeContacted: true },
    ]);
    expect((await call(core, 'templates.recipients', { campaignId, search: '100%_' })).recipients).toEqual([]);
    expect(await failure(core, 'templates.recipients', { campaignId: 999, search: '' })).toMatchObject({
      code: 'NOT_FOUND',
      message: 'This campaign no longer exists. It may have been deleted.',
    });
  });

  it('remember the template a campaign uses', async () => {
    const { core, campaignId } = await people();
    expect(await call(core, 'templates.ofCampaign', { campaignId })).toEqual({ templateId: null });
    const hello = await call(core, 'templates.create', { name: 'Hello' });
    await call(core, 'templates.choose', { campaignId, templateId: hello.id });
    expect(await call(core, 'templates.ofCampaign', { campaignId })).toEqual({ templateId: hello.id });
    await call(core, 'templates.delete', { id: hello.id });
    expect(await call(core, 'templates.ofCampaign', { campaignId })).toEqual({ templateId: null });
    expect(await failure(core, 'templates.choose', { campaignId, templateId: hello.id })).toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('export a CSV for a mail tool, leaving out and counting who must not be contacted and who has no email, safe against formulas', async () => {
    const desktop = recordingDesktop();
    const { core, campaignId } = await people({ desktop });
    const template = await call(core, 'templates.create', {
      name: 'Spring',
      subject: '=Hi {{first_name}}',
      body: 'Dear {{first_name | "there"}},\nwelcome.',
    });
    const folder = tempDir();
    desktop.saveLocation = join(folder, 'spring.csv');
    const result = await call(core, 'templates.exportCsv', { campaignId, templateId: template.id });
    expect(result).toEqual({ saved: true, rows: 2, leftOutForConsent: 2, leftOutNoEmail: 1 });
    const file = readFileSync(desktop.saveLocation, 'utf8');
    expect(file.startsWith('\uFEFFemail,first_name,last_name,name,company,subject,body\r\n')).toBe(true);
    const rows = parse<Record<string, string>>(file.slice(1), { columns: true });
    expect(rows).toEqual([
      {
        email: 'anna@acme.example',
        first_name: 'Anna',
        last_name: 'Berg',
        name: 'Dr. Anna Berg',
        company: 'Acme & Söhne',
        subject: "'=Hi Anna",
        body: stringContaining('Dear Anna,\nwelcome.'),
      },
      {
        email: 'eve@example.com',
        first_name: '\'=HYPERLINK("http://evil.example")',
        last_name: '',
        name: '\'=HYPERLINK("http://evil.example")',
        company: '',
        subject: '\'=Hi =HYPERLINK("http://evil.example")',
        body: stringContaining('To stop these emails, reply with “unsubscribe”.'),
      },
    ]);
    expect(existsSync(`${folder}/.spring.csv.partial`)).toBe(false);

    desktop.saveLocation = undefined;
    expect(await call(core, 'templates.exportCsv', { campaignId, templateId: template.id })).toEqual({
      saved: false,
      rows: 0,
      leftOutForConsent: 0,
      leftOutNoEmail: 0,
    });
  });

  it('queue one outbox row per member with the unsubscribe line, and a second queue adds no second row', async () => {
    const { core, campaignId, anna, eve, carl } = await people();
    const template = await call(core, 'templates.create', {
      name: 'Spring',
      subject: 'Hi {{first_name}}',
      body: 'Hello **{{first_name}}** <b>',
      format: 'formatted',
    });
    expect(await call(core, 'templates.queue', { campaignId, templateId: template.id })).toEqual({
      queued: 2,
      alreadyQueued: 0,
      leftOutForConsent: 2,
      leftOutNoEmail: 1,
    });
    const rows = core.db
      .prepare(
        'SELECT contact_id, to_address, subject, text_body, html_body, message_id, state FROM outbox ORDER BY contact_id',
      )
      .all() as Array<Record<string, string | number>>;
    expect(rows.map((row) => row.contact_id)).toEqual([anna.id, eve.id]);
    expect(rows[0]).toMatchObject({
      to_address: 'anna@acme.example',
      subject: 'Hi Anna',
      text_body:
        'Hello Anna <b>\n\n--\nYou receive this because you are on our list for “Spring “news””. To stop these emails, reply with “unsubscribe”.\n',
      state: 'queued',
    });
    expect(rows[0]!.html_body).toBe(
      '<p>Hello <strong>Anna</strong> &lt;b&gt;</p>\n<hr>\n<p style="font-size:smaller;color:#555">You receive this because you are on our list for “Spring “news””. To stop these emails, reply with “unsubscribe”.</p>',
    );
    expect(rows[0]!.message_id).toMatch(
      new RegExp(`^<c${campaignId}\\.p${anna.id}\\.[0-9a-f]{16}@rolodesk\\.invalid>$`),
    );

    await call(core, 'contacts.update', {
      id: carl.id,
      version: carl.version,
      name: 'Carl Grey',
      email: 'carl@example.com',
      phone: '',
      company: '',
      notes: '',
      companyId: null,
      tagIds: [],
      custom: {},
    });
    expect(await call(core, 'templates.queue', { campaignId, templateId: template.id })).toEqual({
      queued: 1,
      alreadyQueued: 2,
      leftOutForConsent: 2,
      leftOutNoEmail: 0,
    });
    expect(count(core, 'SELECT count(*) FROM outbox')).toBe(3);
    expect(core.db.prepare('SELECT message_id FROM outbox WHERE contact_id = ?').pluck().get(anna.id)).toBe(
      rows[0]!.message_id,
    );
  });

  it('refuse to queue, export or open a template with problems, and nothing goes out', async () => {
    const desktop = recordingDesktop();
    const { core, campaignId, anna } = await people({ desktop });
    const broken = await call(core, 'templates.create', {
      name: 'Broken',
      subject: 'Hi',
      body: 'Dear {{frist_name}},\n{{ company',
    });
    const refusal =
      'The template needs fixing first, so nothing was sent or saved: Line 1: unknown field {{frist_name}} — did you mean {{first_name}}? (and 1 more problem).';
    expect(await failure(core, 'templates.queue', { campaignId, templateId: broken.id })).toEqual({
      code: 'VALIDATION',
      message: refusal,
    });
    desktop.saveLocation = join(tempDir(), 'x.csv');
    expect(await failure(core, 'templates.exportCsv', { campaignId, templateId: broken.id })).toMatchObject({
      message: refusal,
    });
    expect(
      await failure(core, 'templates.mailto', { campaignId, templateId: broken.id, contactId: anna.id }),
    ).toMatchObject({ message: refusal });
    expect(count(core, 'SELECT count(*) FROM outbox')).toBe(0);
    expect(existsSync(desktop.saveLocation)).toBe(false);
    expect(desktop.mailtos).toEqual([]);

    const noSubject = await call(core, 'templates.create', { name: 'No subject', body: 'Hello' });
    const noSubjectRefusal = {
      code: 'VALIDATION',
      message: 'An email needs a subject and a message, so nothing was sent. Write both, then try again.',
    };
    expect(await failure(core, 'templates.queue', { campaignId, templateId: noSubject.id })).toEqual(noSubjectRefusal);
    expect(
      await failure(core, 'templates.mailto', { campaignId, templateId: noSubject.id, contactId: anna.id }),
    ).toEqual(noSubjectRefusal);
    expect(count(core, 'SELECT count(*) FROM outbox')).toBe(0);
  });

  it('open one member’s message in the mail app as an encoded mailto: link, never for someone who must not be contacted', async () => {
    const desktop = recordingDesktop();
    const { core, campaignId, anna, bob, carl } = await people({ desktop });
    const template = await call(core, 'templates.create', {
      name: 'Q&A',
      subject: 'Q&A for {{first_name}}?',
      body: 'Hi {{first_name}},\nsee you & yours.',
    });
    expect(await call(core, 'templates.mailto', { campaignId, templateId: template.id, contactId: anna.id })).toEqual({
      opened: true,
    });
    expect(desktop.mailtos).toHaveLength(1);
    const link = new URL(desktop.mailtos[0]!);
    expect(link.protocol).toBe('mailto:');
    expect(link.pathname).toBe('anna@acme.example');
    expect(link.searchParams.get('subject')).toBe('Q&A for Anna?');
    expect(link.searchParams.get('body')).toBe(
      'Hi Anna,\r\nsee you & yours.\r\n\r\n--\r\nYou receive this because you are on our list for “Spring “news””. To stop these emails, reply with “unsubscribe”.\r\n',
    );
    expect(await failure(core, 'templates.mailto', { campaignId, templateId: template.id, contactId: bob.id })).toEqual(
      {
        code: 'FORBIDDEN',
        message: '“Bob Stone” has unsubscribed or must not be contacted, so no message was opened.',
      },
    );
    expect(
      await failure(core, 'templates.mailto', { campaignId, templateId: template.id, contactId: carl.id }),
    ).toMatchObject({ message: '“Carl Grey” has no usable email address, so no message was opened.' });
    expect(desktop.mailtos).toHaveLength(1);
  });

  it('queue a campaign larger than one batch, every member once, even when queued twice at once', async () => {
    const core = await openCore(tempDir());
    const insert = core.db.prepare('INSERT INTO contacts (name, email, created_at, updated_at) VALUES (?, ?, ?, ?)');
    const ids = core.db.transaction(() =>
      Array.from({ length: 1_203 }, (_, index) =>
        Number(insert.run(`Person ${index}`, `p${index}@example.com`, at, at).lastInsertRowid),
      ),
    )();
    const campaignId = campaignOf(core, 'Big', ids);
    const template = await call(core, 'templates.create', { name: 'Big', subject: 'Hi {{first_name}}', body: 'Hello' });
    // Two queues at once (a double click): they take turns between batches, and each person is queued once.
    const [first, second] = await Promise.all([
      call(core, 'templates.queue', { campaignId, templateId: template.id }),
      call(core, 'templates.queue', { campaignId, templateId: template.id }),
    ]);
    expect(first.queued + second.queued).toBe(1_203);
    expect(first.alreadyQueued + second.alreadyQueued).toBe(1_203);
    expect(count(core, 'SELECT count(*) FROM outbox WHERE campaign_id = ?', campaignId)).toBe(1_203);
    expect(count(core, 'SELECT count(DISTINCT contact_id) FROM outbox WHERE campaign_id = ?', campaignId)).toBe(1_203);
  });
});
