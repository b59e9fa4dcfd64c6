import { createHash, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FeedRequest {
  path: string;
}

/** How the feed serves the update's file: whole, or cut off half-way (the socket closed mid-body). */
export type ArtifactMode = 'whole' | 'cut half-way';

/**
 * A release feed as electron-builder's generic and GitHub providers read it:
 * latest*.yml naming a version, a file, its size and sha512, and the file
 * itself, over a real local HTTP server. Records every request it gets.
 */
export async function startUpdateFeed(version: string, artifactBytes = 512 * 1024) {
  const artifact = randomBytes(artifactBytes);
  const fileName = `Rolodesk-${version}.deb`;
  const sha512 = createHash('sha512').update(artifact).digest('base64');
  const latestYml = [
    `version: ${version}`,
    'files:',
    `  - url: ${fileName}`,
    `    sha512: ${sha512}`,
    `    size: ${artifact.length}`,
    `path: ${fileName}`,
    `sha512: ${sha512}`,
    "releaseDate: '2026-12-01T09:00:00.000Z'",
    '',
  ].join('\n');
  const requests: FeedRequest[] = [];
  let mode: ArtifactMode = 'whole';

  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://feed').pathname;
    requests.push({ path });
    if (/^\/latest[\w-]*\.yml$/.test(path)) {
      res.writeHead(200, { 'content-type': 'text/yaml' });
      res.end(latestYml);
      return;
    }
    if (path === `/${fileName}`) {
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': artifact.length });
      if (mode === 'whole') {
        res.end(artifact);
        return;
      }
      // Half the body, then the connection drops, as a flaky network would.
      res.write(artifact.subarray(0, artifact.length / 2), () => setTimeout(() => res.socket?.destroy(), 20));
      return;
    }
    res.writeHead(404);
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    fileName,
    artifact,
    requests,
    serve(next: ArtifactMode) {
      mode = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // The updater's keep-alive connections would hold the close open.
        server.closeAllConnections();
      }),
  };
}
