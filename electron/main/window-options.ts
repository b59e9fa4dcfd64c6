import type { BrowserWindowConstructorOptions } from 'electron';
import type { BuildKind } from './menu';
import type { WindowPlacement } from './window-placement';

/**
 * The main window's options: every security switch on, whatever the defaults
 * become. A release build cannot open DevTools at all, by menu or by any
 * keyboard shortcut (F12, Ctrl+Shift+I).
 */
export function mainWindowOptions(
  preloadPath: string,
  placement: WindowPlacement,
  build: BuildKind,
): BrowserWindowConstructorOptions {
  return {
    ...placement.bounds,
    minWidth: 480,
    minHeight: 400,
    show: false,
    title: 'Rolodesk',
    backgroundColor: '#f7f7f8',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      // Chromium's built-in PDF viewer, for previewing attachments; no other plugin exists any more.
      plugins: true,
      navigateOnDragDrop: false,
      // A middle-click on a link would ask for a new window (refused anyway, security.ts): no auxclick at all.
      disableBlinkFeatures: 'Auxclick',
      spellcheck: true,
      devTools: build === 'development',
    },
  };
}
