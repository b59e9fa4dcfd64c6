import { test as base, type BrowserContext, type Page } from '@playwright/test';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { forbiddenSenderError, isTrustedSender } from '../../electron/main/trusted-sender';
import Database from 'better-sqlite3';
import { startCore, type CoreHost } from '../../electron/main/core-host';
import { dataPaths } from '../../electron/core/paths';
import type { TestCore } from '../support/crm';
import { memoryLogger, type Logger, type LogRecord } from '../../electron/core/logger';
import log from 'electron-log/node';
import { fileLogger } from '../../electron/core/file-logger';
import { recordingDesktop, type RecordingDesktop } from '../support/recording-desktop';
import { channelNames, eventNames, events, type EventName, type EventPayload } from '../../shared/contract';
import { WelcomeStatus } from '../../shared/schemas/sample-data';
import { installBridge } from './bridge-init';
import { serveRenderer, type RendererServer } from './static-server';

const rendererRoot = resolve(__dirname, '../../out/renderer');
export const screenshotDir = resolve(__dirname, '../../test-results/screenshots');

/**
 * The running core as a test holds it: requests and backups through the same
 * host main uses (the core in its own thread), and a connection of the test's
 * own to the same database file for reading (or changing behind the app's
 * back, as another program would).
 */
export interface HostedCore extends TestCore {
  host: CoreHost;
  backups: CoreHost['backups'];
}

/**
 * Rolodesk as a user meets it, without an Electron binary: a real core on a
 * real data directory, in its own thread as in the app (startCore), the built
 * renderer in real Chromium, and window.crm routed to the same dispatch main
 * uses. Only the IPC hop is replaced.
 */
export interface RolodeskApp {
  readonly dataDir: string;
  readonly page: Page;
  readonly origin: string;
  /** The running core; throws after quit(). */
  readonly core: HostedCore;
  readonly logs: LogRecord[];
  /** The desktop shell and save dialog the core talks to: records opened files, answers Save dialogs. */
  readonly desktop: RecordingDesktop;
  /** Opens the app on the data directory (already done once by the fixture). */
  launch: () => Promise<void>;
  /** Closes the core cleanly, as quitting the app does, and leaves the window blank. */
  quit: () => Promise<void>;
  /** quit() then launch() on the same data directory. */
  relaunch: () => Promise<void>;
  /** Sends a main → renderer event, checked against the contract like main does. */
  emit: <E extends EventName>(event: E, payload: EventPayload<E>) => Promise<void>;
  /** Saves a full-window screenshot under test-results/screenshots/<name>.png. */
  screenshot: (name: string) => Promise<string>;
}

/**
 * Where the window is when launch() returns. The app opens on the Dashboard once there is data
 * (dashboard.start); most specs were written for Contacts, so by default the harness goes there
 * first, as a user would. The Dashboard's own spec takes the app's choice.
 */
export type FirstScreen = 'contacts' | 'as the app chooses';

/**
 * A new data folder opens with the welcome over the window. Specs about other things start
 * with it already answered (as after a user's first run); the welcome's own spec sees it.
 */
export type Welcome = 'answered' | 'as on a new folder';

interface Fixtures {
  app: RolodeskApp;
  firstScreen: FirstScreen;
  /** Override to start on a prepared directory; defaults to a fresh temp directory. */
  dataDir: string;
  /** A folder of the test's own (files it picks, exports, chosen backup folders), made when asked for. */
  scratch: string;
  /** Also write the log to <data>/logs/main.log through the app's own file logger, as main does. */
  logFile: boolean;
  welcome: Welcome;
}

interface WorkerFixtures {
  renderer: RendererServer;
}

let nextWindowId = 1;

/** After the window opens: on to Contacts if the app chose the Dashboard. */
async function goToFirstScreen(page: Page, firstScreen: FirstScreen): Promise<void> {
  if (firstScreen === 'as the app chooses') return;
  // Every screen (recovery too) is a main landmark; the first one shown is the one the app chose.
  await page.locator('main').first().waitFor();
  if ((await page.getByRole('main', { name: 'Dashboard' }).count()) === 0) return;
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Contacts' }).click();
  // A background check may find damage meanwhile: the recovery screen then replaces every other one.
  await page
    .getByRole('main', { name: 'Contacts' })
    .or(page.getByRole('main', { name: 'Let’s get your data back' }))
    .waitFor();
}

/** The test's memory of the log, and main's log file when asked for. */
function harnessLogger(dataDir: string, logFile: boolean): Logger & { records: LogRecord[] } {
  const memory = memoryLogger();
  if (!logFile) return memory;
  const file = fileLogger(log, dataDir, { console: false });
  const both = (level: LogRecord['level']) => (message: string, context?: Record<string, unknown>) => {
    memory[level](message, context);
    file[level](message, context);
  };
  return {
    records: memory.records,
    debug: both('debug'),
    info: both('info'),
    warn: both('warn'),
    error: both('error'),
  };
}

async function createApp(
  context: BrowserContext,
  page: Page,
  renderer: RendererServer,
  dataDir: string,
  firstScreen: FirstScreen,
  logFile = false,
  welcome: Welcome = 'answered',
): Promise<RolodeskApp> {
  const logger = harnessLogger(dataDir, logFile);
  const desktop = recordingDesktop();
  const { origin } = renderer;
  let core: HostedCore | undefined;
  // The test's own connection to the file, opened when first used; a restore swaps the file, so it is reopened then.
  let ownDb: Database.Database | undefined;
  const closeOwnDb = () => {
    ownDb?.close();
    ownDb = undefined;
  };
  renderer.serveFiles((pathname) => core?.host.fileResponse(pathname));
  // A reload opens the window afresh, so it too ends on the screen the spec expects.
  const reloadPage = page.reload.bind(page);
  page.reload = async (options) => {
    const response = await reloadPage(options);
    await goToFirstScreen(page, firstScreen);
    return response;
  };
  const trusted = { webContentsId: nextWindowId++, origin };
  const pageIds = new WeakMap<Page, number>([[page, trusted.webContentsId]]);

  await context.exposeBinding('__crmInvoke', async (source, channel: unknown, input: unknown) => {
    const sender = {
      webContentsId: pageIds.get(source.page) ?? -1,
      frameUrl: source.frame.url(),
      isMainFrame: source.frame === source.page.mainFrame(),
    };
    if (!isTrustedSender(sender, trusted)) return { ok: false, error: forbiddenSenderError };
    if (!core) return { ok: false, error: { code: 'INTERNAL', message: 'Rolodesk is not running.' } };
    return core.dispatch(channel, input);
  });
  await context.addInitScript(installBridge, { channelNames, eventNames });

  /** Main → renderer: what webContents.send does in the app, checked against the contract the same way. */
  const deliver = async (event: EventName, payload: unknown): Promise<void> => {
    const checked = events[event].parse(payload);
    await page.evaluate(
      ([name, data]) => (window as unknown as { __crmEmit: (e: string, p: unknown) => void }).__crmEmit(name, data),
      [event, checked] as const,
    );
  };

  const app: RolodeskApp = {
    dataDir,
    page,
    origin,
    logs: logger.records,
    desktop,
    get core() {
      if (!core) throw new Error('Rolodesk is not running');
      return core;
    },
    async launch() {
      const host = await startCore({
        dataDir,
        logger,
        appVersion: '0.0.0-test',
        desktop,
        // The core's own events (backup progress, data restored) reach the page as they would over IPC.
        emit: (event, payload) => {
          if (event === 'data.restored') closeOwnDb();
          deliver(event, payload).catch((error: unknown) =>
            logger.warn('an event could not reach the page', { event, error: String(error) }),
          );
        },
      });
      // One object per launch: a test may wrap its dispatch to act before the core answers (the page's calls go through it).
      core = {
        host,
        dispatch: (channel, input) => host.dispatch(channel, input),
        backups: host.backups,
        get db() {
          ownDb ??= new Database(dataPaths(dataDir).database, { timeout: 5000 });
          return ownDb;
        },
      };
      if (welcome === 'answered') {
        const status = await host.dispatch('welcome.status', {});
        if (status.ok && WelcomeStatus.parse(status.data).show) await host.dispatch('welcome.dismiss', {});
      }
      await page.goto(`${origin}/index.html`);
      await goToFirstScreen(page, firstScreen);
    },
    async quit() {
      await page.goto('about:blank');
      closeOwnDb();
      await core?.host.close();
      core = undefined;
    },
    async relaunch() {
      await app.quit();
      await app.launch();
    },
    emit: (event, payload) => deliver(event, payload),
    async screenshot(name) {
      mkdirSync(screenshotDir, { recursive: true });
      const path = join(screenshotDir, `${name}.png`);
      await page.screenshot({ path, fullPage: false, animations: 'disabled' });
      return path;
    },
  };
  return app;
}

/** A fixture: a fresh folder in the system's temp directory, removed with everything in it after the test. */
function tempFolder(prefix: string) {
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from its first parameter, which must be an object pattern; this one needs none.
  return async ({}, use: (dir: string) => Promise<void>) => {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  };
}

export const test = base.extend<Fixtures, WorkerFixtures>({
  renderer: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from its first parameter, which must be an object pattern; this one needs none.
    async ({}, use) => {
      const server = await serveRenderer(rendererRoot);
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  dataDir: tempFolder('rolodesk-e2e-'),
  firstScreen: ['contacts', { option: true }],
  logFile: [false, { option: true }],
  welcome: ['answered', { option: true }],
  scratch: tempFolder('rolodesk-scratch-'),
  app: async ({ context, page, renderer, dataDir, firstScreen, logFile, welcome }, use) => {
    const app = await createApp(context, page, renderer, dataDir, firstScreen, logFile, welcome);
    await app.launch();
    await use(app);
    await app.quit();
  },
});

export { expect } from '@playwright/test';
