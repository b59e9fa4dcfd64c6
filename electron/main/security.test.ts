import { EventEmitter } from 'node:events';
import type { App } from 'electron';
import { describe, expect, it } from 'vitest';
import { isOwnPage, lockDownWebContents } from './security';

const origin = 'rolodesk://app';

/**
 * The web contents' events and session handlers as plain Node objects
 * (no Electron binary on this machine): the guards are registered the way
 * Electron calls them, and answer as they would there.
 */
type WindowOpenHandler = (details: { url: string }) => { action: string };
type PermissionRequestHandler = (contents: null, permission: string, callback: (granted: boolean) => void) => void;
type PermissionCheckHandler = (contents: null, permission: string, origin: string) => boolean;

function lockedDownContents() {
  const app = new EventEmitter();
  const handlers: {
    windowOpen?: WindowOpenHandler;
    permissionRequest?: PermissionRequestHandler;
    permissionCheck?: PermissionCheckHandler;
  } = {};
  const contents = Object.assign(new EventEmitter(), {
    setWindowOpenHandler: (handler: WindowOpenHandler) => (handlers.windowOpen = handler),
    session: {
      setPermissionRequestHandler: (handler: PermissionRequestHandler) => (handlers.permissionRequest = handler),
      setPermissionCheckHandler: (handler: PermissionCheckHandler) => (handlers.permissionCheck = handler),
    },
  });
  const logged: string[] = [];
  lockDownWebContents(app as unknown as App, origin, (message) => logged.push(message));
  app.emit('web-contents-created', {}, contents);
  return { contents, handlers, logged };
}

function preventable(fields: Record<string, unknown> = {}) {
  return Object.assign(
    {
      prevented: false,
      preventDefault() {
        this.prevented = true;
      },
    },
    fields,
  );
}

describe('locking down the window', () => {
  it('knows our own pages from everything else', () => {
    expect(isOwnPage(`${origin}/index.html`, origin)).toBe(true);
    for (const url of ['https://example.com/', `${origin}.evil.example/`, 'file:///etc/passwd', origin])
      expect(isOwnPage(url, origin)).toBe(false);
  });

  it('cancels any frame, main or sub, navigating off our origin, and lets our own pages load', () => {
    const { contents, logged } = lockedDownContents();
    const away = preventable({ url: 'https://example.com/phish', isMainFrame: false });
    contents.emit('will-frame-navigate', away);
    expect(away.prevented).toBe(true);
    const mainAway = preventable({ url: 'http://localhost:1234/', isMainFrame: true });
    contents.emit('will-frame-navigate', mainAway);
    expect(mainAway.prevented).toBe(true);
    const home = preventable({ url: `${origin}/index.html`, isMainFrame: false });
    contents.emit('will-frame-navigate', home);
    expect(home.prevented).toBe(false);
    expect(logged).toEqual(['frame navigation refused', 'frame navigation refused']);
  });

  it('keeps refusing navigation, redirects, new windows and webviews', () => {
    const { contents, handlers } = lockedDownContents();
    const navigation = preventable();
    contents.emit('will-navigate', navigation, 'https://example.com/');
    const redirect = preventable();
    contents.emit('will-redirect', redirect, 'https://example.com/');
    const webview = preventable();
    contents.emit('will-attach-webview', webview);
    expect([navigation.prevented, redirect.prevented, webview.prevented]).toEqual([true, true, true]);
    expect(handlers.windowOpen?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
  });

  it('grants no permission when asked, and reports none as granted when checked', () => {
    const { handlers, logged } = lockedDownContents();
    const answers: boolean[] = [];
    handlers.permissionRequest?.(null, 'media', (granted) => answers.push(granted));
    expect(answers).toEqual([false]);
    for (const permission of ['notifications', 'clipboard-read', 'geolocation', 'media'])
      expect(handlers.permissionCheck?.(null, permission, origin)).toBe(false);
    expect(logged).toContain('permission check refused');
  });
});
