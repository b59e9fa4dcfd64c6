import type { MenuItemConstructorOptions } from 'electron';
import { acceleratorFor } from '../../shared/shortcuts';

export interface MenuActions {
  newContact: () => void;
  find: () => void;
  backUpNow: () => void;
  exportBackup: () => void;
  restoreBackup: () => void;
  importFile: () => void;
  exportList: () => void;
  openDataFolder: () => void;
  openLogFile: () => void;
  keyboardShortcuts: () => void;
  copyDiagnostics: () => void;
  about: () => void;
  checkForUpdates: () => void;
}

/** How the app was built: a release (packaged) build has no developer tools in its menus. */
export type BuildKind = 'release' | 'development';

/**
 * View: zoom and full screen for everyone; Reload and the developer tools
 * only in development. In a release, reloading would throw away unsaved
 * typing, and DevTools would hand anyone at the desk a console into the page.
 */
function viewMenu(build: BuildKind): MenuItemConstructorOptions {
  const developer: MenuItemConstructorOptions[] = [
    { role: 'reload' },
    { role: 'forceReload' },
    { role: 'toggleDevTools' },
    { type: 'separator' },
  ];
  return {
    label: '&View',
    submenu: [
      ...(build === 'development' ? developer : []),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };
}

/**
 * The macOS app menu, spelled out instead of the appMenu role so that About
 * opens Rolodesk's own About (versions, data folder, last backup), not
 * Electron's panel. The rest are the standard roles.
 */
function macAppMenu(actions: MenuActions): MenuItemConstructorOptions {
  return {
    label: 'Rolodesk',
    submenu: [
      { id: 'about', label: 'About Rolodesk', click: () => actions.about() },
      { type: 'separator' },
      { role: 'services' },
      { type: 'separator' },
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      { type: 'separator' },
      { role: 'quit' },
    ],
  };
}

/**
 * The application menu: the platform's standard roles (Edit, View, Window,
 * Help; on macOS the app menu) plus Rolodesk's own commands. Accelerators
 * come from shared/shortcuts.ts, the table Help › Keyboard Shortcuts lists.
 */
export function menuTemplate(
  platform: NodeJS.Platform,
  actions: MenuActions,
  build: BuildKind,
): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin';
  return [
    ...(isMac ? [macAppMenu(actions)] : []),
    {
      label: '&File',
      submenu: [
        {
          id: 'new-contact',
          label: 'New Contact',
          accelerator: acceleratorFor('new-contact'),
          click: () => actions.newContact(),
        },
        { id: 'find', label: 'Find…', accelerator: acceleratorFor('find'), click: () => actions.find() },
        { type: 'separator' },
        { id: 'import', label: 'Import…', click: () => actions.importFile() },
        { id: 'export-list', label: 'Export List…', click: () => actions.exportList() },
        { type: 'separator' },
        { id: 'back-up-now', label: 'Back Up Now', click: () => actions.backUpNow() },
        {
          id: 'export-backup',
          label: 'Export Backup…',
          accelerator: acceleratorFor('export-backup'),
          click: () => actions.exportBackup(),
        },
        { id: 'restore-backup', label: 'Restore from Backup…', click: () => actions.restoreBackup() },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    viewMenu(build),
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [
        { id: 'keyboard-shortcuts', label: 'Keyboard Shortcuts', click: () => actions.keyboardShortcuts() },
        { id: 'copy-diagnostics', label: 'Copy Diagnostics', click: () => actions.copyDiagnostics() },
        { type: 'separator' },
        { id: 'open-data-folder', label: 'Open Data Folder', click: () => actions.openDataFolder() },
        { id: 'open-log-file', label: 'Open Log File', click: () => actions.openLogFile() },
        { type: 'separator' },
        { id: 'check-for-updates', label: 'Check for Updates…', click: () => actions.checkForUpdates() },
        ...(isMac
          ? []
          : [{ type: 'separator' } as const, { id: 'about', label: 'About Rolodesk', click: () => actions.about() }]),
      ],
    },
  ];
}
