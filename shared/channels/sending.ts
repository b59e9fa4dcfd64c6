import { z } from 'zod';
import {
  CampaignRef,
  EmailSettings,
  EmailSettingsView,
  OutboxPage,
  OutboxPageRequest,
  RetryRequest,
  SendingStatus,
  SetPassword,
  TestResult,
  UnsubscribeReply,
} from '../schemas/sending';
import type { ChannelTable } from './table';

/** Sending through the user's SMTP server: settings and the outbox. */
export const sendingChannels = {
  'sending.settings.get': { input: z.strictObject({}), output: EmailSettingsView },
  'sending.settings.update': { input: EmailSettings, output: EmailSettingsView },
  /** Kept with the system's safe storage, never in the database; '' forgets it. */
  'sending.setPassword': { input: SetPassword, output: EmailSettingsView },
  /** Sends a test message to the from address and says what the server answered. */
  'sending.test': { input: z.strictObject({}), output: TestResult },
  'sending.status': { input: CampaignRef, output: SendingStatus },
  'sending.start': { input: CampaignRef, output: SendingStatus },
  'sending.pause': { input: CampaignRef, output: SendingStatus },
  'sending.resume': { input: CampaignRef, output: SendingStatus },
  /** Failed or "may have been sent" messages back to the queue: the user's explicit choice. */
  'sending.retry': { input: RetryRequest, output: z.strictObject({ queued: z.int().min(0) }) },
  'sending.messages': { input: OutboxPageRequest, output: OutboxPage },
  /** The person replied to the unsubscribe line: consent → unsubscribed (by email), member → unsubscribed. */
  'sending.recordUnsubscribe': { input: UnsubscribeReply, output: z.strictObject({ changed: z.boolean() }) },
} as const satisfies ChannelTable;
