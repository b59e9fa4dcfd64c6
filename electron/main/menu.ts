import type { MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  newContact(): void;
  find(): void;
  exportBackup(): void;
  restoreBackup(): void;
  importFile(): void;
  exportList(): void;
  openDataFolder(): void;
  openLogFile(): void;
}

/**
 * The application menu: the platform's standard roles (the macOS app menu,
 * Edit, View, Window, Help) plus Rolodesk's own commands in File.
 */
export function menuTemplate(platform: NodeJS.Platform, actions: MenuActions): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin';
  return [
    ...(isMac ? [{ role: 'appMenu' } satisfies MenuItemConstructorOptions] : []),
    {
      label: '&File',
      submenu: [
        { label: 'New Contact', accelerator: 'CmdOrCtrl+N', click: () => actions.newContact() },
        { label: 'Find…', accelerator: 'CmdOrCtrl+F', click: () => actions.find() },
        { type: 'separator' },
        { label: 'Import…', click: () => actions.importFile() },
        { label: 'Export List…', click: () => actions.exportList() },
        { type: 'separator' },
        { label: 'Export Backup…', accelerator: 'CmdOrCtrl+Shift+E', click: () => actions.exportBackup() },
        { label: 'Restore from Backup…', click: () => actions.restoreBackup() },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    { role: 'viewMenu' },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [
        { label: 'Open Data Folder', click: () => actions.openDataFolder() },
        { label: 'Open Log File', click: () => actions.openLogFile() },
        ...(isMac ? [] : [{ type: 'separator' } as const, { role: 'about' } as const]),
      ],
    },
  ];
}
