import type { Clock } from '../clock';
import type { Db } from '../db/open';
import type { DesktopServices } from '../desktop';
import type { EventSink } from '../events';
import { describeError, type Logger } from '../logger';
import type { SettingsRepo } from '../settings/repo';
import { campaignRuns, readEmailSettings } from './email-settings';
import { attemptJournal } from './attempt-journal';
import { outboxRepo, type Outgoing } from './outbox-repo';
import { backOffAfter, deferralsBeforePause, waitBeforeNext } from './pace';
import { defaultTimeouts, sendOne, type SendOutcome, type SmtpTimeouts } from './smtp-send';

/** The sender's sense of time: real timers in the app; a test's own, so throttling is checked without waiting. */
export interface Timer {
  now: () => number;
  sleep: (ms: number) => Promise<void>;
}

export const realTimer: Timer = {
  now: () => Date.now(),
  // Unref'd: a wait between messages never keeps a closing process alive.
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms).unref()),
};

export interface SenderOptions {
  db: Db;
  settings: SettingsRepo;
  desktop: DesktopServices;
  logger: Logger;
  emit: EventSink;
  clock: Clock;
  /** Runs a write outside a request: it waits while an import writes or the check after a crash runs. */
  whenWritable: <T>(write: () => T) => Promise<T>;
  /** The journal of Message-IDs handed to a server (attempt-journal.ts), outside the database. */
  journalFile: string;
  timer?: Timer;
  timeouts?: SmtpTimeouts;
}

export const interruptedAnswer =
  'Rolodesk stopped while this message was being sent, so it may or may not have gone out. It is not sent again unless you choose "Send again".';
export const handedOverBeforeAnswer =
  'This message was already handed to the mail server once (the data has been restored from a backup since), so it may have gone out. It is not sent again unless you choose "Send again".';
export const notSetUpWords = 'Email is not set up yet: fill in Settings › Email, then resume sending.';

/**
 * Drains the outbox of running campaigns, one message at a time, spaced by
 * the messages-per-minute setting, in the core's thread (network I/O is
 * asynchronous, so requests are answered meanwhile). Never sends a message
 * twice: each is marked 'sending' in the database, and its Message-ID synced
 * to a journal outside it, before it goes out; one left 'sending' by a crash
 * becomes 'uncertain' at the next start, and one a restore set back to
 * 'queued' is found in the journal and becomes 'uncertain' too.
 */
export function outboxSender(options: SenderOptions) {
  const {
    db,
    settings,
    desktop,
    logger,
    emit,
    clock,
    whenWritable,
    timer = realTimer,
    timeouts = defaultTimeouts,
  } = options;
  const outbox = outboxRepo(db);
  const journal = attemptJournal(options.journalFile);
  const runs = campaignRuns(settings);
  let draining: Promise<void> | undefined;
  let again = false;
  let stopping = false;
  // Pausing cuts a wait short.
  let interrupt: () => void = () => undefined;
  const nap = (ms: number) =>
    new Promise<void>((resolve) => {
      interrupt = resolve;
      void timer.sleep(ms).then(resolve);
    });
  const now = () => clock.now().toISOString();

  function tell(campaignId: number): void {
    const run = runs.of(campaignId);
    emit('sending.progress', {
      campaignId,
      counts: outbox.counts(campaignId),
      running: run?.state === 'running',
      lastError: run?.lastError ?? null,
    });
  }

  function pauseAll(words: string): void {
    logger.warn('sending paused', { reason: words });
    for (const campaignId of runs.pauseAll(words)) tell(campaignId);
  }

  async function handle(message: Outgoing, outcome: SendOutcome): Promise<'next' | 'deferred' | 'stop'> {
    const at = now();
    switch (outcome.kind) {
      case 'accepted':
        await whenWritable(() => outbox.markSent(message, outcome.answer, at));
        return 'next';
      case 'refused':
        await journal.forget([message.message_id]);
        await whenWritable(() => outbox.settle(message.id, 'failed', outcome.answer, at));
        return 'next';
      case 'uncertain':
        await whenWritable(() => outbox.settle(message.id, 'uncertain', outcome.answer, at));
        return 'next';
      case 'deferred':
        await journal.forget([message.message_id]);
        await whenWritable(() => outbox.settle(message.id, 'queued', outcome.answer, at));
        return 'deferred';
      case 'stopped':
        await journal.forget([message.message_id]);
        await whenWritable(() => outbox.settle(message.id, 'queued', null, at));
        await whenWritable(() => pauseAll(outcome.words));
        return 'stop';
    }
  }

  async function drain(): Promise<void> {
    let lastStartedAt: number | undefined;
    let deferrals = 0;
    while (db.open && !stopping) {
      const running = runs.running();
      if (running.length === 0) return;
      const email = readEmailSettings(settings);
      if (!email) return whenWritable(() => pauseAll(notSetUpWords));
      const wait = waitBeforeNext(lastStartedAt, timer.now(), email.messagesPerMinute);
      if (wait > 0 && outbox.hasQueued(running)) {
        await nap(wait);
        continue;
      }
      // Read before a message is taken: a password that cannot be read leaves every message queued.
      const password = email.user ? await desktop.readSecret('smtp-password') : undefined;
      if (!db.open) return;
      const taken = await whenWritable(() => outbox.take(running, now()));
      if (!taken) {
        await whenWritable(() => {
          for (const campaignId of running) runs.set(campaignId, { state: 'done', lastError: null });
        });
        for (const campaignId of running) tell(campaignId);
        return;
      }
      if (taken.skipped) {
        tell(taken.message.campaign_id);
        continue;
      }
      const { message } = taken;
      if (await journal.has(message.message_id)) {
        await whenWritable(() => outbox.settle(message.id, 'uncertain', handedOverBeforeAnswer, now()));
        tell(message.campaign_id);
        continue;
      }
      try {
        await journal.record(message.message_id);
      } catch (error) {
        logger.error('the sending journal could not be written; nothing more is sent', { error: describeError(error) });
        await whenWritable(() => outbox.settle(message.id, 'queued', null, now()));
        await whenWritable(() =>
          pauseAll(
            'Rolodesk could not note the message it was about to send (is the disk full?), so it sent nothing more. Free some space, then resume.',
          ),
        );
        return;
      }
      lastStartedAt = timer.now();
      const outcome = await sendOne(
        email,
        password,
        {
          to: message.to_address,
          subject: message.subject,
          text: message.text_body,
          html: message.html_body,
          messageId: message.message_id,
        },
        timeouts,
      );
      if (!db.open) return; // Closed meanwhile: the row stays 'sending' and becomes 'uncertain' at the next start.
      const next = await handle(message, outcome);
      tell(message.campaign_id);
      if (next === 'stop') return;
      if (next === 'next') {
        deferrals = 0;
        continue;
      }
      deferrals += 1;
      if (deferrals >= deferralsBeforePause) {
        await whenWritable(() =>
          pauseAll(
            `The mail server kept asking to try again later (it said: ${outcome.answer}). Sending is paused; resume it to try again.`,
          ),
        );
        return;
      }
      await nap(backOffAfter(deferrals));
    }
  }

  /** Starts draining if it is not already; a wake while draining makes it look again when done. */
  function wake(): void {
    if (draining) {
      again = true;
      return;
    }
    draining = (async () => {
      do {
        again = false;
        try {
          await drain();
        } catch (error) {
          if (!db.open) return;
          logger.error('sending stopped after an unexpected error', { error: describeError(error) });
          try {
            pauseAll('Sending stopped after an unexpected problem. The details are in the log; resume to try again.');
          } catch (pauseError) {
            logger.error('could not record that sending paused', { error: describeError(pauseError) });
          }
        }
      } while (again && db.open && !stopping);
    })().finally(() => (draining = undefined));
  }

  function setRun(campaignId: number, state: 'running' | 'paused'): void {
    runs.set(campaignId, { state, lastError: null });
    if (state === 'paused') interrupt();
    tell(campaignId);
    if (state === 'running') wake();
  }

  return {
    /** At start-up: messages a crash left 'sending' become 'uncertain'; a batch that was running goes on. */
    async recover(): Promise<void> {
      const interrupted = await whenWritable(() => outbox.markInterrupted(interruptedAnswer));
      if (interrupted > 0)
        logger.warn('messages interrupted while sending are marked "may have been sent"', { count: interrupted });
      wake();
    },
    start: (campaignId: number) => setRun(campaignId, 'running'),
    pause: (campaignId: number) => setRun(campaignId, 'paused'),
    wake,
    /** The user chose "Send again" for these: they may go out once more. */
    allowAgain: (messageIds: readonly string[]) => journal.forget(messageIds),
    /** Resolves once nothing is being sent (for tests and closing). */
    async idle(): Promise<void> {
      while (draining) await draining;
    },
    /**
     * Before the database closes (quit, restore): takes no new message and lets the one in flight finish
     * and be recorded, so a normal quit never leaves a "may have been sent". A send still going after
     * `graceMs` (a server gone silent) is left: its row becomes "may have been sent" at the next start.
     */
    async stop(graceMs = 10_000): Promise<void> {
      stopping = true;
      interrupt();
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)));
      await Promise.race([this.idle(), late]);
      clearTimeout(timer);
    },
  };
}

export type OutboxSender = ReturnType<typeof outboxSender>;
