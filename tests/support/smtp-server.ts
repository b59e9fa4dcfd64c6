import { SMTPServer, type SMTPServerOptions } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  messageId: string;
  raw: string;
}

export interface TestSmtp {
  port: number;
  received: ReceivedMail[];
  /** Every Message-ID the server was handed (a message handed over twice appears twice). */
  messageIds: () => string[];
  close: () => Promise<void>;
}

/**
 * What the test's server does with each message: 'accept' (250), an SMTP
 * answer to refuse it with ('550 …', '451 …'), 'drop' (close the connection at
 * MAIL FROM, before the message), 'swallow' (take the whole message, then close
 * without answering) or 'silent' (take it and never answer), 'slow' (answer 250 after 400 ms).
 */
export type Behaviour = 'accept' | 'drop' | 'swallow' | 'silent' | 'slow' | `${4 | 5}${number} ${string}`;

export interface SmtpOptions {
  behaviour?: (index: number, to: string) => Behaviour;
  login?: { user: string; pass: string };
  server?: Partial<SMTPServerOptions>;
}

/** A real SMTP server on 127.0.0.1, port 0, in this process (vitest and the e2e specs both use it). */
export async function startTestSmtp(options: SmtpOptions = {}): Promise<TestSmtp> {
  const received: ReceivedMail[] = [];
  let attempts = 0;
  const behaviourFor = (to: string) => options.behaviour?.(attempts++, to) ?? 'accept';
  const pending = new Map<string, Behaviour>();
  const server: SMTPServer = new SMTPServer({
    logger: false,
    disabledCommands: options.login ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    authOptional: !options.login,
    allowInsecureAuth: true,
    onAuth(auth, _session, callback) {
      if (auth.username === options.login?.user && auth.password === options.login?.pass)
        callback(null, { user: auth.username });
      else callback(Object.assign(new Error('5.7.8 Authentication credentials invalid'), { responseCode: 535 }));
    },
    onRcptTo(address, session, callback) {
      const behaviour = behaviourFor(address.address);
      pending.set(session.id, behaviour);
      if (behaviour === 'drop') {
        for (const connection of server.connections)
          if (connection.id === session.id)
            (connection as unknown as { _socket: { destroy: () => void } })._socket.destroy();
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const behaviour = pending.get(session.id) ?? 'accept';
        const refusal = /^([45]\d\d) (.*)$/.exec(behaviour);
        if (refusal) return callback(Object.assign(new Error(refusal[2]), { responseCode: Number(refusal[1]) }));
        received.push({
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          messageId: /^Message-ID: *(.*)$/im.exec(raw)?.[1]?.trim() ?? '',
          raw,
        });
        if (behaviour === 'swallow') {
          for (const connection of server.connections)
            if (connection.id === session.id)
              (connection as unknown as { _socket: { destroy: () => void } })._socket.destroy();
          return;
        }
        if (behaviour === 'silent') return;
        if (behaviour === 'slow') return void setTimeout(() => callback(null, 'Queued as test'), 400);
        callback(null, 'Queued as test');
      });
    },
    ...options.server,
  });
  // A client that drops its socket is every mail server's daily life: noted, never a crash of the test.
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.server.address();
  return {
    port: typeof address === 'object' && address ? address.port : 0,
    received,
    messageIds: () => received.map((mail) => mail.messageId),
    close: () =>
      new Promise<void>((resolve) => {
        for (const connection of server.connections)
          (connection as unknown as { _socket: { destroy: () => void } })._socket.destroy();
        server.close(() => resolve());
      }),
  };
}
