// For the tests beside it: files written to a temp dir, and every row of a source collected.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readSource, type SourceInfo, type SourceRow } from './source';

export function writeFile(dir: string, name: string, content: string | Uint8Array): string {
  const file = join(dir, name);
  writeFileSync(file, content);
  return file;
}

export async function allRows(
  file: string,
  info: SourceInfo,
  options: Parameters<typeof readSource>[2] = {},
): Promise<SourceRow[]> {
  const rows: SourceRow[] = [];
  for await (const row of readSource(file, info, options)) rows.push(row);
  return rows;
}

/** The error a promise rejects with, so a test can check its code and message. */
export async function failureOf(promise: Promise<unknown>): Promise<{ code?: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    return error as { code?: string; message: string };
  }
  throw new Error('expected a failure, but it succeeded');
}
