import { describe, expect, it } from 'vitest';
import { mainWindowOptions } from './window-options';
import { choosePlacement } from './window-placement';

const laptop = { x: 0, y: 0, width: 1440, height: 900 };

describe('main window', () => {
  it('turns on context isolation, the sandbox and web security, and turns off Node in the page', () => {
    const options = mainWindowOptions('/app/out/preload/index.js', choosePlacement(undefined, [laptop]), 'release');
    expect(options.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.js',
      contextIsolation: true,
      sandbox: true,
      webSecurity: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      allowRunningInsecureContent: false,
      plugins: true, // the PDF viewer for attachment previews
      disableBlinkFeatures: 'Auxclick',
    });
  });

  it('a release build cannot open DevTools by any shortcut; a development build can', () => {
    const placement = choosePlacement(undefined, [laptop]);
    expect(mainWindowOptions('/p.js', placement, 'release').webPreferences?.devTools).toBe(false);
    expect(mainWindowOptions('/p.js', placement, 'development').webPreferences?.devTools).toBe(true);
  });

  it('reopens where it was left', () => {
    const saved = { bounds: { x: 100, y: 50, width: 1000, height: 700 }, maximized: true };
    expect(choosePlacement(saved, [laptop])).toEqual(saved);
  });

  it('comes back on screen when its monitor is gone, centred at 1280×800 or smaller', () => {
    const onUnpluggedMonitor = { bounds: { x: 3000, y: 0, width: 1000, height: 700 }, maximized: false };
    expect(choosePlacement(onUnpluggedMonitor, [laptop])).toEqual({
      bounds: { x: 80, y: 50, width: 1280, height: 800 },
      maximized: false,
    });
    expect(choosePlacement(undefined, [{ x: 0, y: 0, width: 1024, height: 600 }]).bounds).toEqual({
      x: 0,
      y: 0,
      width: 1024,
      height: 600,
    });
  });

  it('ignores a saved placement that is not what it should be', () => {
    for (const junk of [
      null,
      'big',
      { bounds: { x: 0, y: 0, width: 10, height: 10 }, maximized: false },
      { bounds: {} },
    ]) {
      expect(choosePlacement(junk, [laptop]).bounds.width).toBe(1280);
    }
  });
});
