import type { App, WebContents } from 'electron';

/**
 * No remote content and nowhere else to go: every new window is refused,
 * navigation away from our own origin is cancelled, webviews cannot attach,
 * and no site permission (camera, notifications…) is granted to the page.
 */
export function lockDownWebContents(app: App, appOrigin: string, log: (message: string, context: Record<string, unknown>) => void): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.setWindowOpenHandler(({ url }) => {
      log('window.open refused', { url });
      return { action: 'deny' };
    });
    contents.on('will-navigate', (event, url) => {
      if (!url.startsWith(`${appOrigin}/`)) {
        event.preventDefault();
        log('navigation refused', { url });
      }
    });
    contents.on('will-redirect', (event, url) => {
      if (!url.startsWith(`${appOrigin}/`)) {
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
  });
}
