import { describe, expect, it } from 'vitest';
import { isTrustedSender } from './trusted-sender';

const trusted = { webContentsId: 3, origin: 'app://rolodesk' };
const ours = { webContentsId: 3, frameUrl: 'app://rolodesk/index.html#/contacts', isMainFrame: true };

describe('trusted sender', () => {
  it('trusts only our window, its top frame, on our origin', () => {
    expect(isTrustedSender(ours, trusted)).toBe(true);
    expect(isTrustedSender({ ...ours, webContentsId: 4 }, trusted)).toBe(false);
    expect(isTrustedSender({ ...ours, isMainFrame: false }, trusted)).toBe(false);
    expect(isTrustedSender(ours, undefined)).toBe(false);
  });

  it.each([
    'app://evil/index.html',
    'app://rolodesk.evil/x',
    'https://rolodesk/',
    'file:///index.html',
    'about:blank',
    '',
    'not a url',
  ])('refuses a frame at %j', (frameUrl) => expect(isTrustedSender({ ...ours, frameUrl }, trusted)).toBe(false));

  it('works for the http origin the e2e harness serves from', () => {
    const local = { webContentsId: 1, origin: 'http://127.0.0.1:5173' };
    expect(
      isTrustedSender({ webContentsId: 1, frameUrl: 'http://127.0.0.1:5173/index.html', isMainFrame: true }, local),
    ).toBe(true);
    expect(
      isTrustedSender({ webContentsId: 1, frameUrl: 'http://127.0.0.1:5174/index.html', isMainFrame: true }, local),
    ).toBe(false);
  });
});
