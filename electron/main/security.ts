import type { App, WebContents } from 'electron';

type Log = (message: string, context: Record<string, unknown>) => void;

/** Whether a URL is a page of our own app (the custom protocol's origin), not anywhere else. */
export function isOwnPage(url: string, appOrigin: string): boolean {
  return url.startsWith(`${appOrigin}/`);
}

/**
 * No remote content and nowhere else to go: every new window is refused,
 * navigation of the window or of any frame in it away from our own origin is
 * cancelled, webviews cannot attach, and no site permission (camera,
 * notifications…) is granted to the page or even reported as granted.
 */
export function lockDownWebContents(app: App, appOrigin: string, log: Log): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.setWindowOpenHandler(({ url }) => {
      log('window.open refused', { url });
      return { action: 'deny' };
    });
    contents.on('will-navigate', (event, url) => {
      if (!isOwnPage(url, appOrigin)) {
        event.preventDefault();
        log('navigation refused', { url });
      }
    });
    // will-navigate sees the main frame only; this sees subframes too (an iframe sent elsewhere).
    contents.on('will-frame-navigate', (details) => {
      if (!isOwnPage(details.url, appOrigin)) {
        details.preventDefault();
        log('frame navigation refused', { url: details.url, mainFrame: details.isMainFrame });
      }
    });
    contents.on('will-redirect', (event, url) => {
      if (!isOwnPage(url, appOrigin)) {
        event.preventDefault();
        log('redirect refused', { url });
      }
    });
    contents.on('will-attach-webview', (event) => {
      event.preventDefault();
      log('webview refused', {});
    });
    contents.session.setPermissionRequestHandler((_contents, permission, callback) => {
      log('permission refused', { permission });
      callback(false);
    });
    // Checks are the synchronous "is it granted?" a page may ask without a prompt: the answer is always no.
    contents.session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => {
      log('permission check refused', { permission, requestingOrigin });
      return false;
    });
  });
}
