import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { consentWriter } from '../contacts/consent';
import { fixedClock, useCores } from '../../../tests/support/core';
import { call, count, failure } from '../../../tests/support/crm';
import { people, queueCampaign } from '../../../tests/support/outbox';
import { recordingDesktop } from '../../../tests/support/recording-desktop';
import { useSmtpServers } from '../../../tests/support/smtp';
import { useTempDirs } from '../../../tests/support/temp-dir';
import { objectContaining, stringMatching } from '../../../tests/support/matchers';

const password = 'Sëcret-Pässwörd-42';

const settingsFor = (port: number, user = '') => ({
  host: '127.0.0.1',
  port,
  security: 'none' as const,
  user,
  fromName: 'Office',
  fromAddress: 'office@berg.example',
  messagesPerMinute: 600,
});

describe('Settings › Email and the sending channels', () => {
  const tempDir = useTempDirs();
  const openCore = useCores();
  const smtp = useSmtpServers();

  it('refuses bad settings with words, saving nothing', async () => {
    const core = await openCore(tempDir());
    const good = settingsFor(25);
    expect((await failure(core, 'sending.settings.update', { ...good, port: 0 })).message).toMatch(
      /port must be between 1 and 65535/,
    );
    expect(
      (await failure(core, 'sending.settings.update', { ...good, fromAddress: 'office at berg' })).message,
    ).toMatch(/does not look like an email address/);
    expect((await failure(core, 'sending.settings.update', { ...good, messagesPerMinute: 601 })).message).toMatch(
      /at most 600 messages per minute/,
    );
    expect((await failure(core, 'sending.settings.update', { ...good, host: 'smtp example.com' })).message).toMatch(
      /server name may hold only/,
    );
    expect((await failure(core, 'sending.settings.update', { ...good, host: '  ' })).message).toMatch(
      /Please enter a server name/,
    );
    expect((await call(core, 'sending.settings.get', {})).settings).toBeNull();
    expect(
      (await call(core, 'sending.settings.update', { ...good, messagesPerMinute: undefined })).settings
        ?.messagesPerMinute,
    ).toBe(30);
  });

  it('keeps the password with the system, says only that it is saved, and says so in words when it cannot', async () => {
    const desktop = recordingDesktop();
    const core = await openCore(tempDir(), { desktop });
    const saved = await call(core, 'sending.setPassword', { password });
    expect(saved.passwordSaved).toBe(true);
    expect(JSON.stringify(saved)).not.toContain(password);
    expect(desktop.secrets.get('smtp-password')).toBe(password);
    expect((await call(core, 'sending.setPassword', { password: '' })).passwordSaved).toBe(false);
    desktop.secretStorage = false;
    const refused = await failure(core, 'sending.setPassword', { password });
    expect(refused).toMatchObject({
      code: 'STORAGE',
      message: stringMatching(/no safe place to keep a password/),
    });
    expect(refused.message).not.toContain(password);
    expect((await call(core, 'sending.settings.get', {})).passwordStorage).toEqual({
      available: false,
      problem: stringMatching(/no safe place/),
    });
  });

  it('start needs Email set up; status, pause, messages and retry work through the channels', async () => {
    const server = await smtp({
      behaviour: (_index, to) => (to === 'person2@example.com' ? '550 5.1.1 No such user' : 'accept'),
    });
    const core = await openCore(tempDir(), { clock: fixedClock() });
    const { campaignId, messageIds } = queueCampaign(core.db, people(3));
    expect((await failure(core, 'sending.start', { campaignId })).message).toMatch(/Email is not set up yet/);
    expect((await failure(core, 'sending.status', { campaignId: 999 })).code).toBe('NOT_FOUND');
    expect(await call(core, 'sending.status', { campaignId })).toMatchObject({
      running: false,
      paused: false,
      emailReady: false,
      counts: { queued: 3 },
    });
    await call(core, 'sending.settings.update', settingsFor(server.port));
    const done = new Promise<void>((resolve) => {
      const check = setInterval(() => {
        if (count(core, "SELECT count(*) FROM outbox WHERE state IN ('queued', 'sending')") === 0) {
          clearInterval(check);
          resolve();
        }
      }, 20);
    });
    expect(await call(core, 'sending.start', { campaignId })).toMatchObject({ running: true, emailReady: true });
    await done;
    const failed = await call(core, 'sending.messages', { campaignId, states: ['failed', 'uncertain'] });
    expect(failed.rows).toEqual([
      objectContaining({
        id: messageIds[1],
        contactName: 'Person 2',
        state: 'failed',
        serverAnswer: stringMatching(/550 5\.1\.1 No such user/),
      }),
    ]);
    expect((await call(core, 'sending.messages', { campaignId })).total).toBe(3);
    // Sent messages are not sent again by a retry: only failed and uncertain ones go back to the queue.
    expect(await call(core, 'sending.retry', { ids: [messageIds[0]!, messageIds[1]!] })).toEqual({ queued: 1 });
  });

  it('records an unsubscribe reply in one click: consent and the membership both say so', async () => {
    const server = await smtp();
    const core = await openCore(tempDir(), { clock: fixedClock() });
    const { campaignId, messageIds, contactIds } = queueCampaign(core.db, people(1));
    expect((await failure(core, 'sending.recordUnsubscribe', { messageId: messageIds[0]! })).message).toMatch(
      /was not sent/,
    );
    await call(core, 'sending.settings.update', settingsFor(server.port));
    await call(core, 'sending.start', { campaignId });
    while (count(core, "SELECT count(*) FROM outbox WHERE state = 'sent'") === 0)
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await call(core, 'sending.recordUnsubscribe', { messageId: messageIds[0]! })).toEqual({ changed: true });
    expect(core.db.prepare('SELECT consent, consent_source FROM contacts WHERE id = ?').get(contactIds[0])).toEqual({
      consent: 'unsubscribed',
      consent_source: 'email',
    });
    expect(core.db.prepare('SELECT status FROM campaign_members WHERE contact_id = ?').pluck().get(contactIds[0])).toBe(
      'unsubscribed',
    );
  });

  it('a reply recorded for someone marked do-not-contact since leaves them do-not-contact, the stricter word', async () => {
    const server = await smtp();
    const core = await openCore(tempDir(), { clock: fixedClock() });
    const { campaignId, messageIds, contactIds } = queueCampaign(core.db, people(1));
    await call(core, 'sending.settings.update', settingsFor(server.port));
    await call(core, 'sending.start', { campaignId });
    while (count(core, "SELECT count(*) FROM outbox WHERE state = 'sent'") === 0)
      await new Promise((resolve) => setTimeout(resolve, 20));
    consentWriter(core.db)({
      contactId: contactIds[0]!,
      status: 'do_not_contact',
      source: 'phone',
      at: new Date().toISOString(),
    });
    expect(await call(core, 'sending.recordUnsubscribe', { messageId: messageIds[0]! })).toEqual({ changed: true });
    expect(core.db.prepare('SELECT consent FROM contacts WHERE id = ?').pluck().get(contactIds[0])).toBe(
      'do_not_contact',
    );
    expect(core.db.prepare('SELECT status FROM campaign_members WHERE contact_id = ?').pluck().get(contactIds[0])).toBe(
      'unsubscribed',
    );
  });

  it('after a restart: a message left "sending" becomes "may have been sent" and is not resent; a running batch goes on by itself', async () => {
    const dataDir = tempDir();
    const server = await smtp();
    const first = await openCore(dataDir);
    const { campaignId, messageIds } = queueCampaign(first.db, people(3));
    await call(first, 'sending.settings.update', settingsFor(server.port));
    // As a crash leaves it: the batch running, the first message taken for sending.
    first.settings.set('sending.runs', { [String(campaignId)]: { state: 'running', lastError: null } });
    first.db.prepare("UPDATE outbox SET state = 'sending' WHERE id = ?").run(messageIds[0]);
    await first.close();

    const second = await openCore(dataDir);
    while (count(second, "SELECT count(*) FROM outbox WHERE state = 'queued'") > 0)
      await new Promise((resolve) => setTimeout(resolve, 20));
    while ((await call(second, 'sending.status', { campaignId })).running)
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect(second.db.prepare('SELECT state FROM outbox ORDER BY id').pluck().all()).toEqual([
      'uncertain',
      'sent',
      'sent',
    ]);
    expect(server.received.map((mail) => mail.to[0])).toEqual(['person2@example.com', 'person3@example.com']);
    expect(
      (await call(second, 'sending.messages', { campaignId, states: ['uncertain'] })).rows[0]?.serverAnswer,
    ).toMatch(/may or may not have gone out/);
    expect(await call(second, 'sending.retry', { ids: [messageIds[0]!] })).toEqual({ queued: 1 });
    while (count(second, "SELECT count(*) FROM outbox WHERE state = 'queued'") > 0)
      await new Promise((resolve) => setTimeout(resolve, 20));
    while (count(second, "SELECT count(*) FROM outbox WHERE state = 'sending'") > 0)
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect(server.received.map((mail) => mail.to[0])).toEqual([
      'person2@example.com',
      'person3@example.com',
      'person1@example.com',
    ]);
  });
});

describe('quitting while a message is being sent', () => {
  const tempDir = useTempDirs();
  const openCore = useCores();
  const smtp = useSmtpServers();

  it('waits for the server to answer and records it sent, so a normal quit leaves no "may have been sent"', async () => {
    const dataDir = tempDir();
    const server = await smtp({ behaviour: () => 'slow' });
    const core = await openCore(dataDir);
    const { campaignId } = queueCampaign(core.db, people(2));
    await call(core, 'sending.settings.update', settingsFor(server.port));
    await call(core, 'sending.start', { campaignId });
    while (count(core, "SELECT count(*) FROM outbox WHERE state = 'sending'") === 0)
      await new Promise((resolve) => setTimeout(resolve, 5));
    await core.close();

    const closed = new Database(join(dataDir, 'crm.db'), { readonly: true });
    try {
      expect(closed.prepare('SELECT state FROM outbox ORDER BY id').pluck().all()).toEqual(['sent', 'queued']);
      expect(closed.prepare("SELECT count(*) FROM activities WHERE kind = 'email'").pluck().get()).toBe(1);
    } finally {
      closed.close();
    }
    expect(server.received.map((mail) => mail.to[0])).toEqual(['person1@example.com']);
  });
});

describe('restoring a backup taken before a batch was sent', () => {
  const tempDir = useTempDirs();
  const openCore = useCores();
  const smtp = useSmtpServers();

  it('sends none of its messages again: the restored "waiting" ones become "may have been sent"', async () => {
    const server = await smtp();
    const core = await openCore(tempDir());
    const { campaignId, messageIds } = queueCampaign(core.db, people(3));
    await call(core, 'sending.settings.update', settingsFor(server.port));
    const before = await call(core, 'backups.create', {});
    await call(core, 'sending.start', { campaignId });
    while (count(core, "SELECT count(*) FROM outbox WHERE state = 'sent'") < 3)
      await new Promise((resolve) => setTimeout(resolve, 20));

    await call(core, 'backups.restore', { id: before.id });
    expect(core.db.prepare('SELECT state FROM outbox ORDER BY id').pluck().all()).toEqual([
      'queued',
      'queued',
      'queued',
    ]);
    await call(core, 'sending.start', { campaignId });
    while ((await call(core, 'sending.status', { campaignId })).running)
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect(core.db.prepare('SELECT state FROM outbox ORDER BY id').pluck().all()).toEqual([
      'uncertain',
      'uncertain',
      'uncertain',
    ]);
    expect(core.db.prepare('SELECT server_answer FROM outbox WHERE id = ?').pluck().get(messageIds[0])).toMatch(
      /restored from a backup/,
    );
    expect(server.received).toHaveLength(3);

    // "Send again" is the user's explicit choice: then it goes out once more.
    await call(core, 'sending.retry', { ids: [messageIds[0]!] });
    while (count(core, "SELECT count(*) FROM outbox WHERE state IN ('queued', 'sending')") > 0)
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect(server.received).toHaveLength(4);
  });
});
