import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { filesPathPattern } from '../../../shared/files-url';
import type { Db } from '../db/open';
import type { BlobStore } from './blob-store';
import { attachmentsRepo } from './repo';

const notFound = () => new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain' } });

/**
 * Answers a request for /files/<sha256>: only a well-formed fingerprint that
 * the database knows, streamed from the store with the type recorded when it
 * was checked. Everything else is 404; no path from the request reaches the disk.
 */
export function fileResponse(db: Db, store: BlobStore, pathname: string): Response {
  const match = filesPathPattern.exec(pathname);
  if (!match) return notFound();
  const blob = attachmentsRepo(db).blob(match[1]!);
  if (!blob) return notFound();
  const body = Readable.toWeb(createReadStream(store.pathFor(blob.sha256))) as ReadableStream<Uint8Array>;
  return new Response(body, {
    status: 200,
    headers: {
      'Content-Type': blob.mime_type,
      'Content-Length': String(blob.size),
      'X-Content-Type-Options': 'nosniff',
      'Content-Disposition': 'inline',
      // Content-addressed: the bytes behind a URL never change.
      'Cache-Control': 'private, max-age=31536000, immutable',
    },
  });
}
