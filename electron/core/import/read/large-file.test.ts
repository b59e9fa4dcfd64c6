import { closeSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../../../tests/support/temp-dir';
import { inspectSource, readSource } from './source';

const megabyte = 1024 * 1024;

/** About `megabytes` of CSV, written block by block so the test itself stays small in memory. */
function writeBigCsv(file: string, megabytes: number): number {
  const handle = openSync(file, 'w');
  let rows = 0;
  try {
    writeSync(handle, 'Name,Email,Phone,City,Notes\n');
    let written = 0;
    while (written < megabytes * megabyte) {
      const lines: string[] = [];
      for (let index = 0; index < 10_000; index++, rows++) {
        lines.push(
          `Person ${rows},person${rows}@example.com,+49 30 ${rows},Zürich,"A note, with a comma and ""quotes"""`,
        );
      }
      written += writeSync(handle, `${lines.join('\n')}\n`);
    }
  } finally {
    closeSync(handle);
  }
  return rows;
}

describe('a 200 MB file', () => {
  const tempDir = useTempDirs();

  it('streams in bounded memory: resident memory grows by far less than the file', async () => {
    const file = join(tempDir(), 'big.csv');
    const rowsWritten = writeBigCsv(file, 200);
    const { info } = await inspectSource(file);
    expect(info.sizeBytes).toBeGreaterThan(200 * megabyte);
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    let rows = 0;
    let lastLine = 0;
    for await (const row of readSource(file, info)) {
      rows++;
      lastLine = row.line;
      if (rows % 20_000 === 0) peak = Math.max(peak, process.memoryUsage().rss);
    }
    expect(rows).toBe(rowsWritten);
    expect(lastLine).toBe(rowsWritten + 1);
    // Reading the whole file into memory would take several times its size as strings; streaming keeps to buffers.
    expect(peak - baseline).toBeLessThan(64 * megabyte);
  }, 180_000);
});
