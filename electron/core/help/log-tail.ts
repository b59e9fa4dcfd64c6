import { open } from 'node:fs/promises';
import { redactText, type LogPlaces } from '../log-privacy';

// The log's lines are short; the tail of 1 MB holds 200 of them with room for long stacks.
const tailBytes = 1024 * 1024;

/**
 * The last `count` lines of a log file, each run through the log's privacy
 * filter again (a line written before the filter existed, or by a tool that
 * bypassed it, must not reach a support request as it was). Empty when there
 * is no log yet.
 */
export async function logTail(file: string, count: number, places: LogPlaces): Promise<string[]> {
  let text: string;
  try {
    const handle = await open(file, 'r');
    try {
      const { size } = await handle.stat();
      const start = Math.max(0, size - tailBytes);
      const buffer = Buffer.alloc(size - start);
      await handle.read(buffer, 0, buffer.length, start);
      text = buffer.toString('utf8');
      // A cut first line is only a part of one: drop it.
      if (start > 0) text = text.slice(text.indexOf('\n') + 1);
    } finally {
      await handle.close();
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const lines = text.split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  return lines.slice(-count).map((line) => redactText(line, places));
}
