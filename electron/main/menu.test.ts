import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { menuTemplate, type MenuActions } from './menu';

function recordingActions() {
  const calls: string[] = [];
  const actions: MenuActions = {
    newContact: () => calls.push('newContact'),
    find: () => calls.push('find'),
    backUpNow: () => calls.push('backUpNow'),
    exportBackup: () => calls.push('exportBackup'),
    restoreBackup: () => calls.push('restoreBackup'),
    importFile: () => calls.push('importFile'),
    exportList: () => calls.push('exportList'),
    openDataFolder: () => calls.push('openDataFolder'),
    openLogFile: () => calls.push('openLogFile'),
    keyboardShortcuts: () => calls.push('keyboardShortcuts'),
    copyDiagnostics: () => calls.push('copyDiagnostics'),
    about: () => calls.push('about'),
    checkForUpdates: () => calls.push('checkForUpdates'),
  };
  return { calls, actions };
}

const submenu = (item: MenuItemConstructorOptions | undefined) => (item?.submenu ?? []) as MenuItemConstructorOptions[];
const click = (item: MenuItemConstructorOptions | undefined) => (item?.click as unknown as () => void)();

describe('application menu', () => {
  it('has the macOS app menu first, then File, Edit, View, Window, Help', () => {
    const template = menuTemplate('darwin', recordingActions().actions, 'release');
    expect(template.map((item) => item.role ?? item.label)).toEqual([
      'Rolodesk',
      '&File',
      'editMenu',
      '&View',
      'windowMenu',
      'help',
    ]);
    expect(submenu(template[1]).at(-1)?.role).toBe('close');
  });

  it('on macOS, About in the app menu opens Rolodesk’s own About; services, hide and quit stay standard; Help has no second About', () => {
    const { calls, actions } = recordingActions();
    const [appMenu, , , , , help] = menuTemplate('darwin', actions, 'release');
    const items = submenu(appMenu);
    const about = items.find((item) => item.id === 'about');
    expect(about?.label).toBe('About Rolodesk');
    expect(about?.role).toBeUndefined();
    click(about);
    expect(calls).toEqual(['about']);
    expect(items.map((item) => item.role).filter(Boolean)).toEqual([
      'services',
      'hide',
      'hideOthers',
      'unhide',
      'quit',
    ]);
    expect(submenu(help).some((item) => item.id === 'about')).toBe(false);
  });

  it('has no app menu on Windows, quits from File, and offers About under Help', () => {
    const template = menuTemplate('win32', recordingActions().actions, 'release');
    expect(template.map((item) => item.role ?? item.label)).toEqual([
      '&File',
      'editMenu',
      '&View',
      'windowMenu',
      'help',
    ]);
    expect(submenu(template[0]).at(-1)?.role).toBe('quit');
    expect(submenu(template[4]).some((item) => item.label === 'About Rolodesk')).toBe(true);
  });

  it('wires New Contact (Ctrl/Cmd+N), Find (Ctrl/Cmd+F), Import…, Export List…, the backup commands and the Help folders to their actions', () => {
    const { calls, actions } = recordingActions();
    const [file, , , , help] = menuTemplate('linux', actions, 'release');
    const item = (label: string) => submenu(file).find((entry) => entry.label === label);
    expect(item('New Contact')?.accelerator).toBe('CmdOrCtrl+N');
    expect(item('Find…')?.accelerator).toBe('CmdOrCtrl+F');
    expect(item('Export Backup…')?.accelerator).toBe('CmdOrCtrl+Shift+E');
    for (const label of [
      'New Contact',
      'Find…',
      'Import…',
      'Export List…',
      'Back Up Now',
      'Export Backup…',
      'Restore from Backup…',
    ])
      click(item(label));
    for (const entry of submenu(help).filter((candidate) => candidate.click)) click(entry);
    expect(calls).toEqual([
      'newContact',
      'find',
      'importFile',
      'exportList',
      'backUpNow',
      'exportBackup',
      'restoreBackup',
      'keyboardShortcuts',
      'copyDiagnostics',
      'openDataFolder',
      'openLogFile',
      'checkForUpdates',
      'about',
    ]);
  });

  it('gives every command an id, so a test driving the packaged app can click it', () => {
    const commands = menuTemplate('linux', recordingActions().actions, 'release')
      .flatMap(submenu)
      .filter((item) => item.click);
    expect(commands.every((item) => typeof item.id === 'string')).toBe(true);
    expect(new Set(commands.map((item) => item.id)).size).toBe(commands.length);
  });

  it('offers Help › Check for Updates… on every platform, with the id the packaged app’s test clicks', () => {
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      const help = menuTemplate(platform, recordingActions().actions, 'release').find((item) => item.role === 'help');
      expect(submenu(help).find((item) => item.id === 'check-for-updates')?.label).toBe('Check for Updates…');
    }
  });

  const viewRoles = (build: 'release' | 'development') =>
    submenu(menuTemplate('win32', recordingActions().actions, build).find((item) => item.label === '&View')).map(
      (item) => item.role ?? item.type,
    );

  it('a release build’s View menu has zoom and full screen, but no Reload, Force Reload or developer tools', () => {
    expect(viewRoles('release')).toEqual(['resetZoom', 'zoomIn', 'zoomOut', 'separator', 'togglefullscreen']);
  });

  it('a development build’s View menu keeps Reload, Force Reload and the developer tools', () => {
    expect(viewRoles('development')).toEqual([
      'reload',
      'forceReload',
      'toggleDevTools',
      'separator',
      'resetZoom',
      'zoomIn',
      'zoomOut',
      'separator',
      'togglefullscreen',
    ]);
  });
});
