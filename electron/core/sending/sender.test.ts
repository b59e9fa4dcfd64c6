import { describe, expect, it } from 'vitest';
import type { EmailSettings } from '../../../shared/schemas/sending';
import { fixedClock, useCores } from '../../../tests/support/core';
import { count } from '../../../tests/support/crm';
import { people, queueCampaign } from '../../../tests/support/outbox';
import { recordingDesktop } from '../../../tests/support/recording-desktop';
import { useSmtpServers, type Behaviour } from '../../../tests/support/smtp';
import { useTempDirs } from '../../../tests/support/temp-dir';
import { consentWriter } from '../contacts/consent';
import { attemptJournalFile } from './attempt-journal';
import { campaignRuns, writeEmailSettings } from './email-settings';
import { outboxSender, type Timer } from './sender';
import type { SmtpTimeouts } from './smtp-send';
import { stringMatching } from '../../../tests/support/matchers';

const quick: SmtpTimeouts = { connectionMs: 2000, greetingMs: 1000, socketMs: 1000 };

/** Time that passes only when the sender waits: every wait is recorded, none is slept. */
function testTimer(): Timer & { waits: number[] } {
  let now = 1_000_000;
  const waits: number[] = [];
  return {
    waits,
    now: () => now,
    sleep(ms) {
      waits.push(ms);
      now += ms;
      return Promise.resolve();
    },
  };
}

describe('sending a campaign through a real SMTP server', () => {
  const tempDir = useTempDirs();
  const openCore = useCores();
  const smtp = useSmtpServers();

  async function setUp(
    count: number,
    options: {
      behaviour?: (index: number, to: string) => Behaviour;
      login?: { user: string; pass: string };
      password?: string;
      perMinute?: number;
      host?: string;
      port?: number;
    } = {},
  ) {
    const server = await smtp({
      ...(options.behaviour ? { behaviour: options.behaviour } : {}),
      ...(options.login ? { login: options.login } : {}),
    });
    const core = await openCore(tempDir(), { clock: fixedClock() });
    const desktop = recordingDesktop();
    if (options.password) desktop.secrets.set('smtp-password', options.password);
    const email: EmailSettings = {
      host: options.host ?? '127.0.0.1',
      port: options.port ?? server.port,
      security: 'none',
      user: options.login?.user ?? '',
      fromName: 'Berg & Co',
      fromAddress: 'office@berg.example',
      messagesPerMinute: options.perMinute ?? 600,
    };
    writeEmailSettings(core.settings, email);
    const batch = queueCampaign(core.db, people(count));
    const timer = testTimer();
    const progress: unknown[] = [];
    const sender = outboxSender({
      journalFile: attemptJournalFile(core.paths.database),
      db: core.db,
      settings: core.settings,
      desktop,
      logger: { debug() {}, info() {}, warn() {}, error() {} },
      emit: (_event, payload) => progress.push(payload),
      clock: fixedClock(),
      // A write that throws is a rejection, as through the real write gate.
      whenWritable: (write) => new Promise((resolve) => resolve(write())),
      timer,
      timeouts: quick,
    });
    const states = () => core.db.prepare('SELECT state FROM outbox ORDER BY id').pluck().all() as string[];
    const run = async () => {
      sender.start(batch.campaignId);
      await sender.idle();
    };
    return { server, core, desktop, batch, timer, sender, states, run, progress, runs: campaignRuns(core.settings) };
  }

  it('sends a batch: each message once, with its Message-ID, logged as an email activity and the member marked sent', async () => {
    const { server, core, states, run, batch, progress } = await setUp(5);
    await run();
    expect(states()).toEqual(['sent', 'sent', 'sent', 'sent', 'sent']);
    expect(server.messageIds()).toEqual(
      batch.messageIds.map((_, index) => `<c${batch.campaignId}-m${index}@rolodesk.test>`),
    );
    expect(server.received[0]!.raw).toContain('unsubscribe');
    expect(server.received[0]!.raw).toMatch(/^From: "Berg & Co" <office@berg\.example>/m);
    expect(
      count(
        core,
        "SELECT count(*) FROM activities WHERE kind = 'email' AND subject LIKE 'Hello Person %' AND body LIKE '%Spring offer%'",
      ),
    ).toBe(5);
    expect(count(core, "SELECT count(*) FROM campaign_members WHERE status = 'sent'")).toBe(5);
    expect(
      count(core, "SELECT count(*) FROM campaign_member_events WHERE new_status = 'sent' AND how = 'sending'"),
    ).toBe(5);
    expect(
      count(
        core,
        "SELECT count(*) FROM outbox WHERE server_answer LIKE '250%Queued as test%' AND finished_at IS NOT NULL",
      ),
    ).toBe(5);
    expect(progress.at(-1)).toMatchObject({
      campaignId: batch.campaignId,
      running: false,
      counts: { sent: 5, queued: 0 },
    });
  });

  it('honours messages per minute: 30 a minute waits 2 seconds between messages', async () => {
    const { timer, run, states } = await setUp(4, { perMinute: 30 });
    await run();
    expect(states()).toEqual(['sent', 'sent', 'sent', 'sent']);
    // Three waits of 2 s, before the 2nd, 3rd and 4th message (the test server answers in no test time).
    expect(timer.waits).toEqual([2000, 2000, 2000]);
  });

  it('pause stops after the message in hand; resume sends the rest, none twice', async () => {
    // The behaviour runs only once sending starts, after `setup` holds its value.
    const setup: Awaited<ReturnType<typeof setUp>> = await setUp(5, {
      behaviour: (index) => {
        if (index === 1) setup.sender.pause(setup.batch.campaignId);
        return 'accept';
      },
    });
    await setup.run();
    expect(setup.states()).toEqual(['sent', 'sent', 'queued', 'queued', 'queued']);
    expect(setup.runs.of(setup.batch.campaignId)?.state).toBe('paused');
    await setup.run();
    expect(setup.states()).toEqual(['sent', 'sent', 'sent', 'sent', 'sent']);
    expect(new Set(setup.server.messageIds()).size).toBe(5);
    expect(setup.server.messageIds()).toHaveLength(5);
  });

  it('a server that drops the connection mid-batch: that message is retried after a back-off, the rest sent, nothing twice', async () => {
    const { server, run, states, timer } = await setUp(5, { behaviour: (index) => (index === 2 ? 'drop' : 'accept') });
    await run();
    expect(states()).toEqual(['sent', 'sent', 'sent', 'sent', 'sent']);
    expect(server.messageIds()).toHaveLength(5);
    expect(new Set(server.messageIds()).size).toBe(5);
    expect(timer.waits).toContain(30_000);
  });

  it('a 4xx answer is retried later; a 5xx answer fails that message with the server’s words', async () => {
    const { run, states, core, server } = await setUp(3, {
      behaviour: (index, to) =>
        to === 'person2@example.com' && index < 2
          ? '451 4.3.0 Mailbox busy, try later'
          : to === 'person3@example.com'
            ? '550 5.1.1 No such user here'
            : 'accept',
    });
    await run();
    expect(states()).toEqual(['sent', 'sent', 'failed']);
    expect(core.db.prepare("SELECT server_answer FROM outbox WHERE state = 'failed'").pluck().get()).toMatch(
      /550 5\.1\.1 No such user here/,
    );
    expect(server.received.map((mail) => mail.to[0])).toEqual(['person1@example.com', 'person2@example.com']);
  });

  it('a server that keeps answering 4xx pauses the batch with words after repeated tries', async () => {
    const { run, states, runs, batch } = await setUp(2, { behaviour: () => '421 4.7.0 Too many messages, slow down' });
    await run();
    expect(states()).toEqual(['queued', 'queued']);
    expect(runs.of(batch.campaignId)).toEqual({
      state: 'paused',
      lastError: stringMatching(/kept asking to try again later .*421 4\.7\.0 Too many messages/),
    });
  });

  it('an unreachable server pauses at once, saying so; nothing is lost', async () => {
    const closed = await smtp();
    const port = closed.port;
    await closed.close();
    const { run, states, runs, batch } = await setUp(2, { port });
    await run();
    expect(states()).toEqual(['queued', 'queued']);
    expect(runs.of(batch.campaignId)?.lastError).toMatch(/refused the connection: nothing is listening there/);
  });

  it('a server that never answers times out and pauses, saying so', async () => {
    const { createServer } = await import('node:net');
    const mute = createServer(() => undefined);
    await new Promise<void>((resolve) => mute.listen(0, '127.0.0.1', resolve));
    try {
      const address = mute.address();
      const { run, states, runs, batch } = await setUp(2, {
        port: typeof address === 'object' && address ? address.port : 0,
      });
      await run();
      expect(states()).toEqual(['queued', 'queued']);
      expect(runs.of(batch.campaignId)?.lastError).toMatch(/did not answer in time/);
    } finally {
      mute.close();
    }
  });

  it('a server that accepts the connection and closes it at once pauses the batch, saying so; nothing is lost', async () => {
    const { createServer } = await import('node:net');
    const closing = createServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => closing.listen(0, '127.0.0.1', resolve));
    try {
      const address = closing.address();
      const { run, states, runs, batch } = await setUp(2, {
        port: typeof address === 'object' && address ? address.port : 0,
      });
      await run();
      expect(states()).toEqual(['queued', 'queued']);
      expect(runs.of(batch.campaignId)?.lastError).toMatch(
        /^Rolodesk could not talk to the mail server 127\.0\.0\.1 \(port \d+\): Connection closed unexpectedly/,
      );
    } finally {
      closing.close();
    }
  });

  it('a rejected login pauses at once with the server’s words, and the password is in none of them', async () => {
    const { run, states, runs, batch } = await setUp(2, {
      login: { user: 'office', pass: 'right-password' },
      password: 'Wr0ng-Pässwörd',
    });
    await run();
    expect(states()).toEqual(['queued', 'queued']);
    const words = runs.of(batch.campaignId)?.lastError ?? '';
    expect(words).toMatch(/^Rolodesk could not log in to 127\.0\.0\.1: the server said 535/);
    expect(words).not.toContain('Wr0ng');
  });

  it('logs in with the kept password', async () => {
    const { run, states } = await setUp(2, {
      login: { user: 'office', pass: 'right-password' },
      password: 'right-password',
    });
    await run();
    expect(states()).toEqual(['sent', 'sent']);
  });

  it('a server that takes the message and closes without answering: "may have been sent", never resent', async () => {
    const { run, states, server, core } = await setUp(3, {
      behaviour: (index) => (index === 1 ? 'swallow' : 'accept'),
    });
    await run();
    expect(states()).toEqual(['sent', 'uncertain', 'sent']);
    expect(server.messageIds()).toHaveLength(3);
    expect(new Set(server.messageIds()).size).toBe(3);
    expect(count(core, "SELECT count(*) FROM activities WHERE kind = 'email'")).toBe(2);
  });

  it('a server that takes the message and then says nothing: "may have been sent" after the timeout', async () => {
    const { run, states } = await setUp(2, { behaviour: (index) => (index === 0 ? 'silent' : 'accept') });
    await run();
    expect(states()).toEqual(['uncertain', 'sent']);
  });

  it('consent changed to unsubscribed while the batch sends: that person is skipped with the reason', async () => {
    // The behaviour runs only once sending starts, after `setup` holds its value.
    const setup: Awaited<ReturnType<typeof setUp>> = await setUp(4, {
      behaviour: (index) => {
        if (index === 0) {
          const { core, batch } = setup;
          core.db.transaction(() =>
            consentWriter(core.db)({
              contactId: batch.contactIds[2]!,
              status: 'unsubscribed',
              source: 'email',
              at: '2026-01-02T03:05:00.000Z',
            }),
          )();
        }
        return 'accept';
      },
    });
    await setup.run();
    expect(setup.states()).toEqual(['sent', 'sent', 'skipped', 'sent']);
    expect(setup.server.received.map((mail) => mail.to[0])).not.toContain('person3@example.com');
    expect(setup.core.db.prepare("SELECT server_answer FROM outbox WHERE state = 'skipped'").pluck().get()).toMatch(
      /unsubscribed/,
    );
  });
});
