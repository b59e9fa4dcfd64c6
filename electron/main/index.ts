import { app, BrowserWindow, crashReporter, dialog, ipcMain, Menu, Notification, screen, shell } from 'electron';
import log from 'electron-log/main';
import { join } from 'node:path';
import { events, type EventName, type EventPayload } from '../../shared/contract';
import type { DueReminder } from '../../shared/schemas/activity';
import { CrmError } from '../core/errors';
import { fileLogger } from '../core/file-logger';
import { describeError, type Logger } from '../core/logger';
import { resolveDataDir } from '../core/paths';
import { appEntryUrl, appOrigin, registerAppScheme, serveApp } from './app-protocol';
import { startCore, type CoreHost } from './core-host';
import { startCrashReporting } from './crash-reporting';
import { electronDesktop } from './desktop-services';
import { registerIpcHandlers } from './ipc';
import { menuTemplate, type BuildKind } from './menu';
import { backupFilesIn, openedBackupFiles } from './opened-files';
import { installUpdate, startAutoUpdate, type AutoUpdate } from './auto-update';
import { lockDownWebContents } from './security';
import { mainWindowOptions } from './window-options';
import { choosePlacement, type WindowPlacement } from './window-placement';

const windowPlacementKey = 'window.placement';
// A packaged app is a release: no Reload or DevTools for the people using it.
const buildKind: BuildKind = app.isPackaged ? 'release' : 'development';
// How long quitting waits for a last backup before closing anyway.
const quitBackupTimeoutMs = 15_000;

// Resolved once, before anything else: CRM_DATA_DIR for portable installs and tests.
const dataDir = resolveDataDir(process.env, () => app.getPath('userData'));
// Electron's single-instance lock lives in userData, so each data directory gets its own.
app.setPath('userData', dataDir);
const logger: Logger & { file: string } = fileLogger(log, dataDir);
registerAppScheme();

let core: CoreHost | undefined;
let mainWindow: BrowserWindow | undefined;
// A double-clicked backup file opens the restore dialog on it: named in argv (Windows, Linux) or sent by macOS.
const openedFiles = openedBackupFiles();
for (const path of backupFilesIn(process.argv, process.cwd())) openedFiles.opened(path);
app.on('open-file', (event, path) => {
  event.preventDefault();
  openedFiles.opened(path);
});
let updates: AutoUpdate | undefined;
// Quitting that waits for the window's answer about unsaved changes goes on once it says so.
let quitRequested = false;
// Errors nothing handled are logged with their stack and the window is told; nothing is sent anywhere.
startCrashReporting({ crashReporter, process, logger, tellWindow: () => send('app.problem', {}) });

function send<E extends EventName>(event: E, payload: EventPayload<E>): void {
  mainWindow?.webContents.send(event, events[event].parse(payload));
}

/** Window placement lives in the database's settings; while it is damaged there is none. */
function readPlacement(running: CoreHost): Promise<unknown> {
  return running.setting(windowPlacementKey).catch(() => undefined);
}

function savePlacement(window: BrowserWindow): void {
  const placement: WindowPlacement = { bounds: window.getNormalBounds(), maximized: window.isMaximized() };
  core
    ?.saveSetting(windowPlacementKey, placement)
    .catch((error: unknown) => logger.warn('could not remember the window placement', { error: describeError(error) }));
}

async function createMainWindow(running: CoreHost): Promise<BrowserWindow> {
  const placement = choosePlacement(
    await readPlacement(running),
    screen.getAllDisplays().map((display) => display.workArea),
  );
  // The scanner cannot see into mainWindowOptions, so it flags options it sets (window.test.ts holds each one):
  // electronegativity: CONTEXT_ISOLATION_JS_CHECK — mainWindowOptions sets contextIsolation: true
  // electronegativity: SANDBOX_JS_CHECK — mainWindowOptions sets sandbox: true
  // electronegativity: AUXCLICK_JS_CHECK — mainWindowOptions sets disableBlinkFeatures: 'Auxclick', and every new window is denied (security.ts)
  const window = new BrowserWindow(mainWindowOptions(join(__dirname, '../preload/index.js'), placement, buildKind));
  if (placement.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  window.on('close', () => savePlacement(window));
  // The page held the close (unsaved changes): it asks the user in its own words, then answers (answerClose).
  window.webContents.on('will-prevent-unload', () =>
    send('window.closeRequested', { reason: quitRequested ? 'quit' : 'close' }),
  );
  window.on('closed', () => (mainWindow = undefined));
  window
    .loadURL(appEntryUrl)
    .catch((error: unknown) => logger.error('the window could not load Rolodesk', { error: describeError(error) }));
  return window;
}

/** The window's answer: close (or quit, when that is what waited), or stay open and forget the quit. */
function answerClose(close: boolean): void {
  const quitting = quitRequested;
  quitRequested = false;
  if (!close) return;
  if (quitting) app.quit();
  else mainWindow?.close();
}

function openInSystem(path: string): void {
  shell.openPath(path).then(
    (problem) => {
      if (problem) logger.warn('the system could not open a path', { path, problem });
    },
    (error: unknown) => logger.warn('the system could not open a path', { path, error: describeError(error) }),
  );
}

function startupFailed(error: unknown): void {
  logger.error('Rolodesk could not start', { error: describeError(error) });
  const message =
    error instanceof CrmError
      ? error.message
      : `Rolodesk could not open its data in ${dataDir}. The details are in ${logger.file}.`;
  dialog.showErrorBox('Rolodesk could not start', message);
  app.exit(1);
}

/** A task fell due: a desktop notification that brings the window forward when clicked. */
function showReminder(reminder: DueReminder): void {
  if (!Notification.isSupported()) return;
  const notification = new Notification({ title: `Task due: ${reminder.subject}`, body: reminder.about });
  notification.on('click', () => {
    mainWindow?.show();
    mainWindow?.focus();
  });
  notification.show();
}

async function start(): Promise<void> {
  // The core runs in its own thread (core-host.ts): main only relays requests, events and desktop calls.
  const running = await startCore({
    dataDir,
    logger,
    appVersion: app.getVersion(),
    desktop: electronDesktop(
      () => mainWindow,
      { answerClose, showReminder, restartToUpdate: () => new Promise((resolve) => resolve(installUpdate(updates))) },
      join(dataDir, 'secrets'),
    ),
    emit: send,
    background: true,
  });
  core = running;
  openedFiles.deliverTo((path) => {
    void running
      .openBackupFile(path)
      .catch((error: unknown) =>
        logger.warn('an opened backup file could not be offered', { error: describeError(error) }),
      );
  });
  updates = startAutoUpdate({
    packaged: app.isPackaged,
    appVersion: app.getVersion(),
    readSetting: (key) => running.setting(key),
    announceReady: (version) => send('updates.ready', { version }),
    window: () => mainWindow,
    logger,
  });
  serveApp(join(__dirname, '../renderer'), (pathname) => running.fileResponse(pathname));
  registerIpcHandlers(
    ipcMain,
    () => mainWindow && { webContentsId: mainWindow.webContents.id, origin: appOrigin },
    (channel, input) => running.dispatch(channel, input),
    (channel, frameUrl) => logger.warn('IPC call from an unknown sender refused', { channel, frameUrl }),
  );
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      menuTemplate(
        process.platform,
        {
          newContact: () => send('menu.command', { command: 'new-contact' }),
          find: () => send('menu.command', { command: 'focus-search' }),
          backUpNow: () => send('menu.command', { command: 'back-up-now' }),
          exportBackup: () => send('menu.command', { command: 'export-backup' }),
          restoreBackup: () => send('menu.command', { command: 'restore-backup' }),
          importFile: () => send('menu.command', { command: 'import' }),
          exportList: () => send('menu.command', { command: 'export-list' }),
          openDataFolder: () => openInSystem(running.paths.root),
          openLogFile: () => openInSystem(logger.file),
          keyboardShortcuts: () => send('menu.command', { command: 'keyboard-shortcuts' }),
          copyDiagnostics: () => send('menu.command', { command: 'copy-diagnostics' }),
          about: () => send('menu.command', { command: 'about' }),
          checkForUpdates: () => void updates?.checkFromMenu(),
        },
        buildKind,
      ),
    ),
  );
  mainWindow = await createMainWindow(running);
}

if (!app.requestSingleInstanceLock()) {
  logger.info('another Rolodesk already has this data open; handing over to it');
  app.quit();
} else {
  lockDownWebContents(app, appOrigin, (message, context) => logger.warn(message, context));
  app.on('second-instance', (_event, argv, workingDirectory) => {
    for (const path of backupFilesIn(argv, workingDirectory)) openedFiles.opened(path);
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('before-quit', () => {
    quitRequested = true;
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (core && BrowserWindow.getAllWindows().length === 0) {
      createMainWindow(core).then(
        (window) => (mainWindow = window),
        (error: unknown) => logger.error('the window could not be opened again', { error: describeError(error) }),
      );
    }
  });
  app.on('will-quit', (event) => {
    if (!core) return;
    // Hold the quit for a last backup (best effort) and a clean close of the database.
    event.preventDefault();
    const closing = core;
    core = undefined;
    closing.close({ lastBackupWithinMs: quitBackupTimeoutMs }).then(
      () => app.quit(),
      (error: unknown) => {
        logger.error('closing the data failed', { error: describeError(error) });
        app.exit(1);
      },
    );
  });
  app.whenReady().then(start).catch(startupFailed);
}
