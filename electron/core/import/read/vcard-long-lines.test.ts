import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../../../tests/support/temp-dir';
import { inspectSource } from './source';
import { allRows, writeFile } from './test-files';

// Found by tests/fuzz/import-readers.test.ts: a card with 25 MB of photo in UTF-16 took 148 s, because each chunk
// read was glued to the unfinished line before it and the whole line searched again for a line break.
describe('a vCard with a very long line (a large photo)', () => {
  const tempDir = useTempDirs();

  it('reads in seconds: time grows with the file, not with the square of the line', async () => {
    const photo = '/9j/'.repeat(3_000_000); // 12 million characters, as a phone writes a large JPEG
    const card = [
      'BEGIN:VCARD',
      'VERSION:3.0',
      'FN:Anna Berg',
      `PHOTO;ENCODING=b;TYPE=JPEG:${photo}`,
      'EMAIL:anna@example.com',
      'END:VCARD',
      '',
    ].join('\r\n');
    const file = writeFile(tempDir(), 'anna.vcf', iconv.encode(card, 'utf-16le', { addBOM: true }));
    const started = performance.now();
    const { info } = await inspectSource(file);
    const rows = await allRows(file, info);
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.cells).toContain('anna@example.com');
  }, 120_000);
});
