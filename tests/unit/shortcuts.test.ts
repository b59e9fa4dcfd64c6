import type { MenuItemConstructorOptions } from 'electron';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { menuTemplate, type MenuActions } from '../../electron/main/menu';
import {
  acceleratorFor,
  chordLabel,
  matchesShortcut,
  shortcutIds,
  shortcuts,
  type KeyPress,
} from '../../shared/shortcuts';

const root = resolve(__dirname, '../..');
const noAction = new Proxy({}, { get: () => () => undefined }) as MenuActions;

function menuItems(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? menuItems(item.submenu) : [])]);
}

/** The app's own code (not tests, not the table itself). */
function codeFiles(): Array<{ file: string; text: string }> {
  return ['renderer/src', 'electron/main']
    .flatMap((folder) =>
      readdirSync(join(root, folder), { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => join(entry.parentPath, entry.name)),
    )
    .filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file))
    .map((file) => ({ file: relative(root, file), text: readFileSync(file, 'utf8') }));
}

const press = (key: string, held: Partial<KeyPress> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...held,
});

describe('keyboard shortcuts come from one table', () => {
  for (const platform of ['win32', 'darwin', 'linux'] as const) {
    it(`the ${platform} menu's accelerators are exactly the table's`, () => {
      const items = menuItems(menuTemplate(platform, noAction, 'release'));
      const inMenu = Object.fromEntries(
        // String() keys an item without an id as "undefined", as Object.fromEntries does.
        items.filter((item) => item.accelerator).map((item) => [String(item.id), item.accelerator] as const),
      );
      const inTable = Object.fromEntries(
        shortcutIds.flatMap((id) => {
          const menuItem: string | undefined = (shortcuts[id] as { menuItem?: string }).menuItem;
          return menuItem ? [[menuItem, acceleratorFor(id)]] : [];
        }),
      );
      expect(inMenu).toEqual(inTable);
      expect(inTable).toEqual({
        'new-contact': 'CmdOrCtrl+N',
        find: 'CmdOrCtrl+F',
        'export-backup': 'CmdOrCtrl+Shift+E',
      });
    });
  }

  it('every shortcut in the table is used by the code that handles its keys', () => {
    const files = codeFiles();
    const unused = shortcutIds.filter((id) => {
      const use = new RegExp(`(matchesShortcut|acceleratorFor|ariaKeys)\\([^)]*'${id}'`);
      return !files.some(({ text }) => use.test(text));
    });
    expect(unused).toEqual([]);
  });

  it('matches the keys as the window sees them: Ctrl or ⌘, and no modifier that is not asked for', () => {
    expect(matchesShortcut(press('k', { ctrlKey: true }), 'open-palette')).toBe(true);
    expect(matchesShortcut(press('K', { metaKey: true }), 'open-palette')).toBe(true);
    expect(matchesShortcut(press('k'), 'open-palette')).toBe(false);
    expect(matchesShortcut(press('k', { ctrlKey: true, shiftKey: true }), 'open-palette')).toBe(false);
    expect(matchesShortcut(press(' ', { shiftKey: true }), 'row-tick')).toBe(true);
    expect(matchesShortcut(press('Enter', { ctrlKey: true }), 'row-open')).toBe(false);
    expect(matchesShortcut(press('ArrowLeft', { altKey: true }), 'card-move')).toBe(true);
    expect(matchesShortcut(press('ArrowLeft', { altKey: true }), 'card-focus')).toBe(false);
  });

  it('labels say ⌘ on a Mac and Ctrl elsewhere', () => {
    const exportBackup = shortcuts['export-backup'].chords[0];
    expect(chordLabel(exportBackup, true)).toBe('⌘ ⇧ E');
    expect(chordLabel(exportBackup, false)).toBe('Ctrl+Shift+E');
    expect(chordLabel({ key: ' ' }, false)).toBe('Space');
  });

  it('has a group and words for every shortcut', () => {
    for (const id of shortcutIds) expect(shortcuts[id].does.length, id).toBeGreaterThan(3);
  });
});
