import { describe, expect, it } from 'vitest';
import { useChildren } from '../../../tests/support/child';
import { useCores } from '../../../tests/support/core';
import { call, count } from '../../../tests/support/crm';
import { people, queueCampaign } from '../../../tests/support/outbox';
import { useSmtpServers } from '../../../tests/support/smtp';
import { useTempDirs } from '../../../tests/support/temp-dir';

describe('SIGKILL while a batch is sending', () => {
  const tempDir = useTempDirs();
  const openCore = useCores();
  const smtp = useSmtpServers();
  const startChild = useChildren();

  it(
    'the restart resumes the batch by itself; the message in flight is "may have been sent"; no Message-ID reaches the server twice',
    { timeout: 120_000 },
    async () => {
      // The 6th message is taken by the server but never answered: the child is killed while it waits.
      const server = await smtp({ behaviour: (index) => (index === 5 ? 'silent' : 'accept') });
      const dataDir = tempDir();
      const seed = await openCore(dataDir);
      const { campaignId } = queueCampaign(seed.db, people(12));
      await call(seed, 'sending.settings.update', {
        host: '127.0.0.1',
        port: server.port,
        security: 'none',
        user: '',
        fromName: '',
        fromAddress: 'office@berg.example',
        messagesPerMinute: 600,
      });
      await seed.close();

      const child = startChild('../../electron/core/sending/crash-child.ts', [dataDir, String(campaignId)]);
      await child.waitForLine(/^sent 5$/, 60_000);
      while (server.received.length < 6) await new Promise((resolve) => setTimeout(resolve, 20));
      child.process.kill('SIGKILL');
      expect((await child.exited).signal).toBe('SIGKILL');

      const core = await openCore(dataDir);
      while (count(core, "SELECT count(*) FROM outbox WHERE state IN ('queued', 'sending')") > 0)
        await new Promise((resolve) => setTimeout(resolve, 20));
      const states = core.db.prepare('SELECT state FROM outbox ORDER BY id').pluck().all();
      expect(states).toEqual([...Array<string>(5).fill('sent'), 'uncertain', ...Array<string>(6).fill('sent')]);
      const ids = server.messageIds();
      expect(ids).toHaveLength(12);
      expect(new Set(ids).size).toBe(12);
      // Every message marked sent was logged once on its contact.
      expect(count(core, "SELECT count(*) FROM activities WHERE kind = 'email'")).toBe(11);
      expect(core.db.pragma('integrity_check', { simple: true })).toBe('ok');
    },
  );
});
