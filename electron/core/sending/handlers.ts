import { randomUUID } from 'node:crypto';
import type { EmailSettingsView, SendingStatus } from '../../../shared/schemas/sending';
import { campaignsRepo } from '../campaigns/repo';
import type { CoreContext, Handlers } from '../context';
import { CrmError } from '../errors';
import { describeError } from '../logger';
import { attemptJournalFile } from './attempt-journal';
import { campaignRuns, readEmailSettings, writeEmailSettings } from './email-settings';
import { outboxRepo } from './outbox-repo';
import { outboxSender } from './sender';
import { sendOne } from './smtp-send';

const noSafeStorage =
  'This computer offers Rolodesk no safe place to keep a password (the system keychain or key store is not available), so Rolodesk cannot keep one. Sending works only with a server that needs no login.';

/**
 * Settings › Email, the outbox and its sender. The sender is built with the
 * session (one per open database) and, at once, turns messages a crash left
 * half-sent into "may have been sent" and resumes a batch that was running.
 */
export function sendingHandlers(context: CoreContext) {
  const { db, settings, desktop, clock, logger } = context;
  const outbox = outboxRepo(db);
  const runs = campaignRuns(settings);
  const sender = outboxSender({
    db,
    settings,
    desktop,
    logger,
    emit: context.emit,
    clock,
    whenWritable: (write) => context.writeGate.guard(write, { waitFirst: true })(),
    journalFile: attemptJournalFile(context.databaseFile),
  });
  context.beforeClose(() => sender.stop());
  sender.recover().catch((error: unknown) => {
    if (db.open)
      logger.error('the outbox could not be checked at start-up; nothing is sent until Rolodesk restarts', {
        error: describeError(error),
      });
  });

  async function view(): Promise<EmailSettingsView> {
    const available = await desktop.secretsAvailable();
    const saved = (await desktop.readSecret('smtp-password').catch(() => undefined)) !== undefined;
    return {
      settings: readEmailSettings(settings) ?? null,
      passwordSaved: saved,
      passwordStorage: { available, problem: available ? null : noSafeStorage },
    };
  }

  function status(campaignId: number): SendingStatus {
    const run = runs.of(campaignId);
    return {
      campaignId,
      counts: outbox.counts(campaignId),
      running: run?.state === 'running',
      paused: run?.state === 'paused',
      lastError: run?.lastError ?? null,
      emailReady: readEmailSettings(settings) !== undefined,
    };
  }

  const campaigns = campaignsRepo(db);
  function known(campaignId: number): number {
    if (!campaigns.exists(campaignId)) throw new CrmError('NOT_FOUND', 'That campaign no longer exists.');
    return campaignId;
  }
  function ready(): void {
    if (!readEmailSettings(settings))
      throw new CrmError('VALIDATION', 'Email is not set up yet: fill in Settings › Email first.');
  }

  return {
    'sending.settings.get': () => view(),
    'sending.settings.update': (input) => {
      writeEmailSettings(settings, input);
      return view();
    },
    'sending.setPassword': async ({ password }) => {
      if (password === '') await desktop.removeSecret('smtp-password');
      else {
        if (!(await desktop.secretsAvailable())) throw new CrmError('STORAGE', noSafeStorage);
        try {
          await desktop.saveSecret('smtp-password', password);
        } catch (error) {
          // The error never carries the password; the words say what the user can do.
          logger.warn('the SMTP password could not be kept', { error: describeError(error).message });
          throw new CrmError(
            'STORAGE',
            'Rolodesk could not keep the password on this computer. Try again; if it keeps failing, the log has the details.',
          );
        }
      }
      return view();
    },
    'sending.test': async () => {
      const email = readEmailSettings(settings);
      if (!email)
        throw new CrmError(
          'VALIDATION',
          'Email is not set up yet: fill in the server and the from address, then save.',
        );
      const password = email.user ? await desktop.readSecret('smtp-password') : undefined;
      const outcome = await sendOne(email, password, {
        to: email.fromAddress,
        subject: 'Rolodesk test message',
        text: 'This is a test message from Rolodesk. If you can read it, Rolodesk can send email through your server.',
        html: null,
        messageId: `<test-${randomUUID()}@rolodesk.invalid>`,
      });
      switch (outcome.kind) {
        case 'accepted':
          return {
            sent: true,
            message: `The server accepted the test message for ${email.fromAddress}: ${outcome.answer}`,
          };
        case 'stopped':
          return { sent: false, message: outcome.words };
        case 'uncertain':
          return { sent: false, message: `The server took the test message but did not confirm it: ${outcome.answer}` };
        default:
          return { sent: false, message: `The server did not accept the test message: it said ${outcome.answer}` };
      }
    },
    'sending.status': ({ campaignId }) => status(known(campaignId)),
    'sending.start': ({ campaignId }) => {
      known(campaignId);
      ready();
      sender.start(campaignId);
      return status(campaignId);
    },
    'sending.resume': ({ campaignId }) => {
      known(campaignId);
      ready();
      sender.start(campaignId);
      return status(campaignId);
    },
    'sending.pause': ({ campaignId }) => {
      sender.pause(known(campaignId));
      return status(campaignId);
    },
    'sending.retry': async ({ ids }) => {
      // The journal first: should the queueing fail after it, the messages only stay failed or uncertain.
      await sender.allowAgain(outbox.retryable(ids));
      const { queued, campaigns } = outbox.retry(ids);
      // A batch that had finished sends them at once; a running one takes them with the rest; a paused one waits for Resume.
      for (const campaignId of campaigns)
        if (runs.of(campaignId)?.state === 'done') runs.set(campaignId, { state: 'running', lastError: null });
      sender.wake();
      return { queued };
    },
    'sending.messages': ({ campaignId, states, offset, limit }) =>
      outbox.page(known(campaignId), states, offset, limit),
    'sending.recordUnsubscribe': ({ messageId }) => {
      const recorded = outbox.recordUnsubscribe(messageId, clock.now().toISOString());
      if (!recorded) throw new CrmError('NOT_FOUND', 'That message was not sent, so there is no reply to record.');
      return { changed: recorded.changed };
    },
  } satisfies Partial<Handlers>;
}
