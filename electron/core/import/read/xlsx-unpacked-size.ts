import yauzl from 'yauzl';
import { refusals } from './refusals';

/**
 * The most a workbook may unpack to. read-excel-file unpacks a workbook whole
 * into memory, several times its unpacked size; 200 MB of XML is a workbook
 * of several hundred thousand rows, far beyond a small office's contact list,
 * while a zip bomb of a few kilobytes unpacks to gigabytes. CSV has no such
 * limit (it streams), so the refusal says to save the sheet as CSV.
 */
export const maxUnpackedMegabytes = 200;

function openZip(file: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.open(file, { lazyEntries: true, validateEntrySizes: true }, (error, zip) =>
      error ? reject(error) : resolve(zip),
    ),
  );
}

function entryStream(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<NodeJS.ReadableStream> {
  return new Promise((resolve, reject) =>
    zip.openReadStream(entry, (error, stream) => (error ? reject(error) : resolve(stream))),
  );
}

/**
 * Unpacks every part of the workbook without keeping it, counting bytes,
 * and refuses it once the count passes the limit (the sizes a zip declares
 * can lie; yauzl also checks each entry against its declared size). A part
 * that does not unpack is a damaged workbook.
 */
export async function checkUnpackedSize(file: string, maxBytes = maxUnpackedMegabytes * 1024 * 1024): Promise<void> {
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(file);
  } catch {
    throw refusals.damagedWorkbook();
  }
  let unpacked = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('error', reject);
      zip.on('end', resolve);
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName.endsWith('/')) return zip.readEntry();
        if (unpacked + entry.uncompressedSize > maxBytes) return reject(refusals.workbookTooBig(maxUnpackedMegabytes));
        entryStream(zip, entry).then((stream) => {
          stream.on('data', (chunk: Buffer) => {
            unpacked += chunk.length;
            if (unpacked > maxBytes) {
              (stream as NodeJS.ReadableStream & { destroy: () => void }).destroy();
              reject(refusals.workbookTooBig(maxUnpackedMegabytes));
            }
          });
          stream.on('error', reject);
          stream.on('end', () => zip.readEntry());
        }, reject);
      });
      zip.readEntry();
    });
  } catch (error) {
    throw (error as { code?: unknown } | null)?.code === 'FILE_REFUSED' ? error : refusals.damagedWorkbook();
  } finally {
    zip.close();
  }
}
