import { Readable } from 'node:stream';
import MailComposer from 'nodemailer/lib/mail-composer';
import SMTPConnection from 'nodemailer/lib/smtp-connection';
import type { EmailSettings } from '../../../shared/schemas/sending';

export interface MailToSend {
  to: string;
  subject: string;
  text: string;
  html: string | null;
  /** The outbox's message_id: the Message-ID header, so a copy a server got twice is recognisable as the same. */
  messageId: string;
}

export interface SmtpTimeouts {
  connectionMs: number;
  greetingMs: number;
  socketMs: number;
}

export const defaultTimeouts: SmtpTimeouts = { connectionMs: 30_000, greetingMs: 30_000, socketMs: 60_000 };

/**
 * What became of one message, as the sender must act on it:
 * - accepted: the server said 250; it is sent.
 * - refused: a 5xx answer about this message; it is failed for good.
 * - deferred: a 4xx answer, or the connection was lost before the end of the message was handed over:
 *   the server cannot have it; it may be sent again later.
 * - uncertain: the whole message was handed over but no answer came (the connection dropped or timed
 *   out while the server had it): it may have gone out, so it is never sent again by itself.
 * - stopped: the server could not be reached, timed out before the message, or refused the login:
 *   nothing of the message went out, and no other message will go either until the user acts.
 */
export type SendOutcome =
  | { kind: 'accepted'; answer: string }
  | { kind: 'refused'; answer: string }
  | { kind: 'deferred'; answer: string }
  | { kind: 'uncertain'; answer: string }
  | { kind: 'stopped'; answer: string; words: string };

interface SmtpError extends Error {
  code?: string;
  responseCode?: number;
  response?: string;
  command?: string;
}

const asSmtpError = (error: unknown): SmtpError => (error instanceof Error ? error : new Error(String(error)));

function connectionOptions(settings: EmailSettings, timeouts: SmtpTimeouts): SMTPConnection.Options {
  return {
    host: settings.host,
    port: settings.port,
    secure: settings.security === 'tls',
    requireTLS: settings.security === 'starttls',
    ignoreTLS: settings.security === 'none',
    connectionTimeout: timeouts.connectionMs,
    greetingTimeout: timeouts.greetingMs,
    socketTimeout: timeouts.socketMs,
  };
}

/** What went wrong before any message, in words an office worker can act on. */
export function stoppedWords(settings: EmailSettings, error: SmtpError): string {
  const server = `${settings.host} (port ${settings.port})`;
  const said = error.response ? ` The server said: ${error.response}` : '';
  switch (error.code) {
    case 'EAUTH':
    case 'ENOAUTH':
      return `Rolodesk could not log in to ${settings.host}: the server said ${error.response ?? error.message}. Check the user name and password in Settings › Email.`;
    case 'EDNS':
      return `Rolodesk could not find the mail server ${settings.host}. Check the server name in Settings › Email and that this computer is online.`;
    case 'ETIMEDOUT':
      return `The mail server ${server} did not answer in time. Check the server name, the port and that this computer is online.`;
    case 'ETLS':
      return `Rolodesk could not set up a protected connection with ${server}. Check the "Connection security" choice in Settings › Email.${said}`;
    default:
      if (/ECONNREFUSED/.test(error.message))
        return `The mail server ${server} refused the connection: nothing is listening there. Check the server name and the port in Settings › Email.`;
      return `Rolodesk could not talk to the mail server ${server}: ${error.message}.${said}`;
  }
}

/**
 * Sends one message on a connection of its own (connect, log in, send, quit) with Nodemailer's
 * SMTPConnection, watching how far the message got: whether the server can have it decides
 * between "try again" and "may have been sent" (never sent twice).
 */
export async function sendOne(
  settings: EmailSettings,
  password: string | undefined,
  mail: MailToSend,
  timeouts: SmtpTimeouts = defaultTimeouts,
): Promise<SendOutcome> {
  const from = settings.fromName ? { name: settings.fromName, address: settings.fromAddress } : settings.fromAddress;
  const message = await new MailComposer({
    from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    ...(mail.html === null ? {} : { html: mail.html }),
    messageId: mail.messageId,
    disableFileAccess: true,
    disableUrlAccess: true,
  })
    .compile()
    .build();
  const connection = new SMTPConnection(connectionOptions(settings, timeouts));
  // connect() reports failure only as an 'error' event; later ones (a socket closing between callbacks) must not go unhandled.
  let failedToConnect: (error: SmtpError) => void = () => undefined;
  connection.on('error', (error: SmtpError) => failedToConnect(error));
  const step = <T>(run: (done: (error: SmtpError | null | undefined, value?: T) => void) => void) =>
    new Promise<T>((resolve, reject) => run((error, value) => (error ? reject(error) : resolve(value as T))));
  // The server answered the message (250, 4xx, 5xx): the session is sound, so it ends with QUIT, not a dropped socket.
  let answered = false;
  try {
    try {
      await new Promise<void>((resolve, reject) => {
        failedToConnect = reject;
        connection.connect((error) => (error ? reject(error) : resolve()));
      });
      failedToConnect = () => undefined;
      if (settings.user)
        await step<boolean>((done) => connection.login({ user: settings.user, pass: password ?? '' }, done));
    } catch (error) {
      const problem = asSmtpError(error);
      // The greeting or login answered 4xx (too many connections, try later): deferred, the batch waits and tries again.
      if (
        problem.responseCode !== undefined &&
        problem.responseCode >= 400 &&
        problem.responseCode < 500 &&
        problem.code !== 'EAUTH'
      ) {
        return { kind: 'deferred', answer: problem.response ?? problem.message };
      }
      return { kind: 'stopped', answer: problem.response ?? problem.message, words: stoppedWords(settings, problem) };
    }
    // The message as a stream: once it has all been read, the server may have it whatever happens next.
    let handedOver = false;
    const body = Readable.from([message]);
    body.on('end', () => (handedOver = true));
    try {
      const info = await step<SMTPConnection.SentMessageInfo>((done) =>
        connection.send({ from: settings.fromAddress, to: [mail.to] }, body, done),
      );
      answered = true;
      return { kind: 'accepted', answer: info.response };
    } catch (error) {
      const problem = asSmtpError(error);
      const answer = problem.response ?? problem.message;
      answered = problem.responseCode !== undefined;
      if (problem.responseCode !== undefined && problem.responseCode >= 500) return { kind: 'refused', answer };
      if (problem.responseCode !== undefined && problem.responseCode >= 400) return { kind: 'deferred', answer };
      return handedOver
        ? { kind: 'uncertain', answer: `No answer after the message was handed over (${problem.message}).` }
        : {
            kind: 'deferred',
            answer: `The connection was lost before the message was handed over (${problem.message}).`,
          };
    }
  } finally {
    if (answered) connection.quit();
    else connection.close();
  }
}
