import { z } from 'zod';
import { Id, IdList, optionalText, PageRequest, requiredText, Timestamp } from './common';

/** How the connection to the mail server is protected: TLS from the start (port 465), STARTTLS (587), or none (a local relay). */
export const emailSecurities = ['tls', 'starttls', 'none'] as const;
export const EmailSecurity = z.enum(emailSecurities, {
  error: 'Choose how the connection is protected: TLS, STARTTLS or none.',
});
export type EmailSecurity = z.infer<typeof EmailSecurity>;

export const emailSecurityLabels: Record<EmailSecurity, string> = {
  tls: 'TLS (port 465)',
  starttls: 'STARTTLS (port 587)',
  none: 'None (local server only)',
};

const addressPattern = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
export const sendingLimits = { host: 253, user: 320, fromName: 200, fromAddress: 254, password: 1000 } as const;
export const defaultMessagesPerMinute = 30;

/** Settings › Email: the user's own SMTP server. The password is not here: it is kept by the system (safeStorage). */
export const EmailSettings = z.strictObject({
  host: requiredText('Server name', sendingLimits.host).refine((host) => /^[A-Za-z0-9.:[\]-]+$/.test(host), {
    error: 'The server name may hold only letters, digits, dots and dashes (for example smtp.example.com).',
  }),
  port: z
    .int({ error: 'The port must be a whole number.' })
    .min(1, { error: 'The port must be between 1 and 65535.' })
    .max(65535, { error: 'The port must be between 1 and 65535.' }),
  security: EmailSecurity,
  user: optionalText('User name', sendingLimits.user),
  fromName: optionalText('From name', sendingLimits.fromName),
  fromAddress: requiredText('From address', sendingLimits.fromAddress).refine(
    (address) => addressPattern.test(address),
    {
      error: 'The from address does not look like an email address (for example office@example.com).',
    },
  ),
  messagesPerMinute: z
    .int({ error: 'Messages per minute must be a whole number.' })
    .min(1, { error: 'Send at least 1 message per minute.' })
    .max(600, { error: 'Send at most 600 messages per minute.' })
    .default(defaultMessagesPerMinute),
});
export type EmailSettings = z.output<typeof EmailSettings>;

export const EmailSettingsView = z.strictObject({
  /** Null until the user saved the settings once. */
  settings: EmailSettings.nullable(),
  /** Whether a password is kept; the password itself never leaves the core. */
  passwordSaved: z.boolean(),
  /** Whether this computer can keep a password safely (safeStorage); when not, the words say why. */
  passwordStorage: z.strictObject({ available: z.boolean(), problem: z.string().nullable() }),
});
export type EmailSettingsView = z.infer<typeof EmailSettingsView>;

export const SetPassword = z.strictObject({
  /** Empty forgets the saved password. */
  password: z
    .string({ error: 'The password must be text.' })
    .max(sendingLimits.password, { error: `The password is too long (at most ${sendingLimits.password} characters).` }),
});

export const TestResult = z.strictObject({
  sent: z.boolean(),
  /** What happened, in words ("The server accepted the test message: 250 OK"). */
  message: z.string(),
});

export const outboxStates = ['queued', 'sending', 'sent', 'failed', 'skipped', 'uncertain'] as const;
export const OutboxState = z.enum(outboxStates);
export type OutboxState = z.infer<typeof OutboxState>;

export const outboxStateLabels: Record<OutboxState, string> = {
  queued: 'Waiting',
  sending: 'Sending now',
  sent: 'Sent',
  failed: 'Refused by the server',
  skipped: 'Not sent (no consent)',
  uncertain: 'May have been sent',
};

export const OutboxCounts = z.strictObject(
  Object.fromEntries(outboxStates.map((state) => [state, z.int().min(0)])) as Record<OutboxState, z.ZodInt>,
);
export type OutboxCounts = z.infer<typeof OutboxCounts>;

export const CampaignRef = z.strictObject({ campaignId: Id });

export const SendingStatus = z.strictObject({
  campaignId: Id,
  counts: OutboxCounts,
  running: z.boolean(),
  paused: z.boolean(),
  /** Why sending stopped by itself, in words; null when it did not. */
  lastError: z.string().nullable(),
  /** Settings › Email holds a server and a from address. */
  emailReady: z.boolean(),
});
export type SendingStatus = z.infer<typeof SendingStatus>;

/** sending.progress: the panel's counts and progress bar. */
export const SendingProgress = z.strictObject({
  campaignId: Id,
  counts: OutboxCounts,
  running: z.boolean(),
  lastError: z.string().nullable(),
});

export const OutboxMessage = z.strictObject({
  id: Id,
  contactId: Id,
  contactName: z.string(),
  toAddress: z.string(),
  subject: z.string(),
  state: OutboxState,
  serverAnswer: z.string().nullable(),
  attemptedAt: Timestamp.nullable(),
  finishedAt: Timestamp.nullable(),
});
export type OutboxMessage = z.infer<typeof OutboxMessage>;

export const OutboxPageRequest = z.strictObject({
  campaignId: Id,
  states: z
    .array(OutboxState)
    .max(outboxStates.length)
    .default([...outboxStates]),
  ...PageRequest,
});

export const OutboxPage = z.strictObject({
  total: z.int().min(0),
  offset: z.int().min(0),
  rows: z.array(OutboxMessage).max(500),
});

export const RetryRequest = z.strictObject({ ids: IdList(1000, 'message') });

/** A reply asking to unsubscribe, recorded from the message it answers. */
export const UnsubscribeReply = z.strictObject({ messageId: Id });
