import { open } from 'node:fs/promises';
import type { RecordWriter } from './record-writer';

/**
 * Records written to a new UTF-8 text file as they come: `header` first,
 * then each batch as `text` makes it (the CSV and vCard writers). The name
 * is claimed new ('wx'), so a leftover file is never silently overwritten;
 * the finish makes the file durable.
 */
export async function textFileWriter<R>(
  path: string,
  header: string,
  text: (records: readonly R[]) => string,
): Promise<RecordWriter<R>> {
  const file = await open(path, 'wx');
  try {
    if (header !== '') await file.write(header);
  } catch (error) {
    await file.close();
    throw error;
  }
  return {
    async add(records) {
      await file.write(text(records));
    },
    async finish() {
      try {
        await file.sync();
      } finally {
        await file.close();
      }
    },
    abandon: () => file.close(),
  };
}
