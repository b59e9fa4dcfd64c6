import { randomBytes } from 'node:crypto';
import { closeSync, copyFileSync, fsyncSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { samples } from '../../support/sample-files';
import { createContact, upload } from '../../support/upload';
import type { BenchContext } from '../context';
import { formatCount } from '../format';
import { timeOnce } from '../stopwatch';
import type { BenchStep, Measurement } from './row';

const smallFiles = 1_000;
const largeFileBytes = 25 * 1024 * 1024;

/** The reference: copy the file and fsync the copy, the least any durable add must do. */
function copyDurably(from: string, to: string): void {
  copyFileSync(from, to);
  const fd = openSync(to, 'r+');
  fsyncSync(fd);
  closeSync(fd);
}

/** Files as a user picks them: on disk, each read and sent the way the renderer sends it. */
function prepareFiles(ctx: BenchContext): { small: string[]; large: string } {
  const folder = join(ctx.root, 'files-to-add');
  mkdirSync(folder, { recursive: true });
  const small = Array.from({ length: smallFiles }, (_, index) => {
    const path = join(folder, `note-${index}.txt`);
    // Distinct contents, 2–20 KB: no two adds share a stored file.
    writeFileSync(
      path,
      Buffer.concat([samples.text, Buffer.from(randomBytes(1_000 + (index % 10) * 1_000).toString('hex'))]),
    );
    return path;
  });
  const large = join(folder, 'scan.pdf');
  writeFileSync(large, Buffer.concat([samples.pdf, randomBytes(largeFileBytes - samples.pdf.length)]));
  return { small, large };
}

export const addAttachments: BenchStep = {
  title: 'attachments: 1,000 small files and one 25 MB file',
  async run(ctx): Promise<Measurement[]> {
    const core = await ctx.core();
    const contactId = await createContact(core, 'Bench Attachments');
    const files = prepareFiles(ctx);
    const add = async (path: string) => {
      const result = await upload(core, contactId, path.slice(path.lastIndexOf('/') + 1), readFileSync(path));
      if (!result.ok) throw new Error(`${path}: ${result.error.message}`);
    };

    const smallRolodesk = await timeOnce(async () => {
      for (const path of files.small) await add(path);
    });
    const copies = join(ctx.root, 'plain-copies');
    mkdirSync(copies, { recursive: true });
    const smallReference = await timeOnce(() =>
      files.small.forEach((path, index) => copyDurably(path, join(copies, `${index}`))),
    );
    const largeRolodesk = await timeOnce(() => add(files.large));
    const largeReference = await timeOnce(() => copyDurably(files.large, join(copies, 'large')));

    return [
      {
        operation: `add ${formatCount(smallFiles)} small files (2–20 KB)`,
        rolodeskMs: smallRolodesk / smallFiles,
        referenceMs: smallReference / smallFiles,
        display: { kind: 'time' },
        note: 'per file: read, base64 chunks through dispatch, hash, type check, fsync, rename, row; reference: copy + fsync',
      },
      {
        operation: 'add one 25 MB file',
        rolodeskMs: largeRolodesk,
        referenceMs: largeReference,
        display: { kind: 'time' },
        note: '25 chunks of 1 MB through dispatch; reference: copy + fsync of the same file',
      },
    ];
  },
};
