import { createReadStream, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeWebStream } from 'node:stream/web';

const mimeTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export interface RendererServer {
  origin: string;
  /** Hands /files/<sha256> requests to the running core, as main's app:// protocol does. */
  serveFiles: (handler: (pathname: string) => Promise<Response> | undefined) => void;
  close: () => Promise<void>;
}

/** Serves the built renderer on loopback, standing in for main's app:// protocol. */
export async function serveRenderer(root: string): Promise<RendererServer> {
  let filesHandler: (pathname: string) => Promise<Response> | undefined = () => undefined;
  const server: Server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    if (pathname.startsWith('/files/')) {
      void (filesHandler(pathname) ?? Promise.resolve(new Response('Not found', { status: 404 }))).then((answer) => {
        response.writeHead(answer.status, Object.fromEntries(answer.headers));
        if (answer.body) Readable.fromWeb(answer.body as NodeWebStream).pipe(response);
        else response.end();
      });
      return;
    }
    const file = normalize(join(root, pathname === '/' ? 'index.html' : pathname));
    if (!file.startsWith(root + sep)) {
      response.writeHead(403).end();
      return;
    }
    try {
      if (!statSync(file).isFile()) throw new Error('not a file');
    } catch {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'Content-Type': mimeTypes[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    serveFiles(handler) {
      filesHandler = handler;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
