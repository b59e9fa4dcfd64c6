import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { filesPathPattern } from '../../../shared/files-url';
import type { Db } from '../db/open';
import type { BlobStore } from './blob-store';
import { allowedKinds } from './file-types';
import { attachmentsRepo } from './repo';
import { knownKindOf } from './stored-kind';

/** Where the bytes behind a files/<sha256> request are, and the headers to serve them with. */
export type FileLocation = { found: false } | { found: true; path: string; headers: Record<string, string> };

/**
 * Finds a request for /files/<sha256>: only a well-formed fingerprint that the
 * database knows, with the type recorded when it was checked. Everything else
 * is not found; no path from the request reaches the disk. A recorded type
 * Rolodesk never stores (a crafted backup's text/html, say) is not found either.
 */
export function locateFile(db: Db, store: BlobStore, pathname: string): FileLocation {
  const match = filesPathPattern.exec(pathname);
  if (!match) return { found: false };
  const blob = attachmentsRepo(db).blob(match[1]!);
  const kind = blob && knownKindOf(blob.mime_type);
  if (!blob || !kind) return { found: false };
  return {
    found: true,
    path: store.pathFor(blob.sha256),
    headers: {
      'Content-Type': allowedKinds[kind].mime,
      'Content-Length': String(blob.size),
      'X-Content-Type-Options': 'nosniff',
      'Content-Disposition': 'inline',
      // Content-addressed: the bytes behind a URL never change.
      'Cache-Control': 'private, max-age=31536000, immutable',
    },
  };
}

/** The response for a located file, streamed from the disk (a 25 MB file is never held whole); 404 otherwise. */
export function fileResponseFor(location: FileLocation): Response {
  if (!location.found) return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain' } });
  const body = Readable.toWeb(createReadStream(location.path)) as ReadableStream<Uint8Array>;
  return new Response(body, { status: 200, headers: location.headers });
}
