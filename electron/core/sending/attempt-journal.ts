import { mkdir, open, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** Where the journal lives: beside crm.db, outside it, so no backup carries it and no restore rolls it back. */
export const attemptJournalFile = (databaseFile: string) => join(dirname(databaseFile), 'sending', 'handed-over.log');

/**
 * The Message-IDs that may be at a mail server, written and synced before
 * each message goes out ("+id"), and taken back when the server certainly does
 * not have it or the user chose "Send again" ("-id"). The database says the
 * same, but a restore from a backup rolls the database back: a message sent
 * since would read 'queued' again. This journal is outside the database, so
 * the sender sees the message was handed over already and never sends it twice.
 */
export function attemptJournal(file: string) {
  let handedOver: Set<string> | undefined;
  async function known(): Promise<Set<string>> {
    if (!handedOver) {
      const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) =>
        error.code === 'ENOENT' ? '' : Promise.reject(error),
      );
      const ids = new Set<string>();
      for (const line of text.split('\n')) {
        if (line.startsWith('+')) ids.add(line.slice(1));
        else if (line.startsWith('-')) ids.delete(line.slice(1));
      }
      handedOver = ids;
    }
    return handedOver;
  }
  async function append(lines: string[]): Promise<void> {
    await mkdir(dirname(file), { recursive: true });
    const handle = await open(file, 'a');
    try {
      await handle.appendFile(lines.map((line) => `${line.replace(/[\r\n]/g, '')}\n`).join(''));
      await handle.sync();
    } finally {
      await handle.close();
    }
  }
  return {
    async has(messageId: string): Promise<boolean> {
      return (await known()).has(messageId);
    },
    /** Resolves once the line is on disk (synced): only then may the message go out. */
    async record(messageId: string): Promise<void> {
      const ids = await known();
      await append([`+${messageId}`]);
      ids.add(messageId);
    },
    /** The server certainly does not have these, or the user chose to send them again. */
    async forget(messageIds: readonly string[]): Promise<void> {
      const ids = await known();
      const held = messageIds.filter((id) => ids.has(id));
      if (held.length === 0) return;
      await append(held.map((id) => `-${id}`));
      for (const id of held) ids.delete(id);
    },
  };
}
