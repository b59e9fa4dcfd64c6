import { afterEach } from 'vitest';
import { startTestSmtp, type SmtpOptions, type TestSmtp } from './smtp-server';

export type { Behaviour, ReceivedMail, TestSmtp } from './smtp-server';

/** Real local SMTP servers on port 0, closed after each test. */
export function useSmtpServers() {
  const open: TestSmtp[] = [];
  afterEach(async () => {
    for (const server of open.splice(0)) await server.close();
  });
  return async (options: SmtpOptions = {}): Promise<TestSmtp> => {
    const server = await startTestSmtp(options);
    open.push(server);
    return server;
  };
}
