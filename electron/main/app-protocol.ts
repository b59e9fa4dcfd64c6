import { net, protocol } from 'electron';
import { resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

export const appScheme = 'app';
export const appOrigin = `${appScheme}://rolodesk`;
export const appEntryUrl = `${appOrigin}/index.html`;

/** Must run before the app is ready: app:// behaves like a secure, standard origin. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/**
 * Serves app://rolodesk/: stored files at /files/<sha256> through the core,
 * everything else from the built renderer's folder and nothing outside it.
 */
export function serveApp(rendererDir: string, fileResponse: (pathname: string) => Promise<Response>): void {
  const root = resolve(rendererDir);
  protocol.handle(appScheme, (request) => {
    const { host, pathname } = new URL(request.url);
    if (host !== 'rolodesk') return new Response('Not found', { status: 404 });
    if (pathname.startsWith('/files/')) return fileResponse(pathname);
    const file = resolve(root, `.${decodeURIComponent(pathname)}`);
    if (!file.startsWith(root + sep)) return new Response('Not found', { status: 404 });
    return net.fetch(pathToFileURL(file).toString());
  });
}
