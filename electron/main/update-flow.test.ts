import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DebUpdater } from 'electron-updater';
import type { AppAdapter } from 'electron-updater/out/AppAdapter';
import { openCore, type Core } from '../core/core';
import { jobRunner, type JobRunner } from '../core/jobs/runner';
import { memoryLogger, type Logger } from '../core/logger';
import { parseUpdateSettings, updateSettingsKey } from '../core/updates/update-settings';
import { call } from '../../tests/support/crm';
import { openFile, peopleCsv, writeFile } from '../../tests/support/import-files';
import { NodeHttpExecutor } from '../../tests/support/node-http-executor';
import { recordingDesktop } from '../../tests/support/recording-desktop';
import { useTempDirs } from '../../tests/support/temp-dir';
import { startUpdateFeed } from '../../tests/support/update-feed';
import { tryLaterMessage, UpdateFlow, type Timers } from './update-flow';
import { arrayContaining, objectContaining, stringMatching } from '../../tests/support/matchers';

const tempDir = useTempDirs();
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/**
 * The real electron-updater (its Debian updater, the one a .deb install gets) on a real local feed: Electron's
 * app is its AppAdapter, Electron's net is Node's http. Only quitAndInstall is recorded instead of run, with
 * what the backup folder held at that moment.
 */
function realUpdater(folder: string, feedUrl: string, backupsFolder: () => string) {
  // What electron-builder writes into the app's resources; the updater reads its cache folder's name from it.
  writeFileSync(
    join(folder, 'app-update.yml'),
    `provider: generic\nurl: ${feedUrl}\nupdaterCacheDirName: rolodesk-updater\n`,
  );
  const app: AppAdapter = {
    version: '0.1.0',
    name: 'Rolodesk',
    isPackaged: true,
    appUpdateConfigPath: join(folder, 'app-update.yml'),
    userDataPath: join(folder, 'user-data'),
    baseCachePath: join(folder, 'cache'),
    whenReady: () => Promise.resolve(),
    relaunch: () => undefined,
    quit: () => undefined,
    onQuit: () => undefined,
  };
  mkdirSync(app.userDataPath, { recursive: true });
  const updater = new DebUpdater(null, app);
  (updater as unknown as { httpExecutor: NodeHttpExecutor }).httpExecutor = new NodeHttpExecutor();
  updater.logger = null;
  updater.setFeedURL({ provider: 'generic', url: feedUrl });
  const installs: Array<{ isSilent: boolean | undefined; snapshotsThen: string[] }> = [];
  updater.quitAndInstall = (isSilent?: boolean) => {
    installs.push({
      isSilent,
      snapshotsThen: readdirSync(backupsFolder()).filter((name) =>
        existsSync(join(backupsFolder(), name, 'manifest.json')),
      ),
    });
  };
  return { updater, installs, pendingFolder: join(app.baseCachePath, 'rolodesk-updater', 'pending') };
}

/** Timers that run only when the test says so, and remember what was asked. */
function manualTimers() {
  const asked: Array<{ kind: 'once' | 'every'; ms: number; run: () => void }> = [];
  const timers: Timers = {
    setTimeout: (run, ms) => asked.push({ kind: 'once', ms, run }),
    setInterval: (run, ms) => asked.push({ kind: 'every', ms, run }),
    clear: () => undefined,
  };
  return { timers, asked };
}

/** The import's writing job waits until the test lets it go: an import that is running. */
function holdableImport() {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const state = { running: false };
  const startJobs = (logger: Logger): JobRunner => {
    const real = jobRunner(logger);
    return {
      ...real,
      run: (async (name, args, options) => {
        if (name !== 'importRun') return real.run(name, args, options);
        state.running = true;
        await released;
        return real.run(name, args, options);
      }) as JobRunner['run'],
    };
  };
  return { startJobs, release, state };
}

async function setUp({
  packaged = true,
  startJobs,
}: { packaged?: boolean; startJobs?: (logger: Logger) => JobRunner } = {}) {
  const feed = await startUpdateFeed('0.2.0');
  cleanups.push(() => feed.close());
  const dataDir = tempDir();
  const desktop = recordingDesktop();
  const logger = memoryLogger();
  // Main's desktop service: once the core's gate passed, the flow quits and installs.
  const core: Core = await openCore({
    dataDir,
    logger,
    appVersion: '0.1.0',
    desktop: { ...desktop, restartToUpdate: () => new Promise((resolve) => resolve(flow.installNow())) },
    updateWaitPollMs: 20,
    ...(startJobs ? { startJobs } : {}),
  });
  cleanups.push(() => core.close());
  await call(core, 'contacts.create', { name: 'Anna Berg', email: 'anna@example.com' });
  const real = realUpdater(tempDir(), feed.url, () => core.backups.location());
  const { timers, asked } = manualTimers();
  const announced: string[] = [];
  const flow = new UpdateFlow({
    updater: real.updater,
    packaged,
    checksAutomatically: () =>
      new Promise((resolve) => resolve(parseUpdateSettings(core.settings.get(updateSettingsKey)).checkAutomatically)),
    announceReady: (version) => announced.push(version),
    logger,
    timers,
  });
  return { feed, core, flow, desktop, announced, timers: asked, ...real, dataDir };
}

const sha512 = (bytes: Buffer) => createHash('sha512').update(bytes).digest('base64');

/** Every file under the folder with its size, and the database's bytes: what "nothing changed" compares. */
function folderState(dataDir: string) {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else files.push(`${relative(dataDir, path)} ${statSync(path).size}`);
    }
  };
  walk(dataDir);
  const bytes = (name: string) =>
    existsSync(join(dataDir, name)) ? sha512(readFileSync(join(dataDir, name))) : 'none';
  return { files: files.sort(), database: bytes('crm.db'), wal: bytes('crm.db-wal') };
}

async function stillPending(promise: Promise<unknown>, ms = 300): Promise<boolean> {
  let settled = false;
  void promise.then(
    () => (settled = true),
    () => (settled = true),
  );
  await new Promise((resolve) => setTimeout(resolve, ms));
  return !settled;
}

describe('automatic updates with the real electron-updater against a local feed', () => {
  it('finds the update, downloads it with its sha512 checked, takes a verified snapshot, then asks to install', async () => {
    const { feed, core, flow, announced, installs, pendingFolder } = await setUp();
    const before = await core.backups.list();

    expect(await flow.checkAutomatically()).toEqual({ state: 'ready', version: '0.2.0' });
    expect(announced).toEqual(['0.2.0']);
    expect(feed.requests.map((request) => request.path)).toEqual([
      stringMatching(/^\/latest-linux.*\.yml$/),
      `/${feed.fileName}`,
    ]);
    // The downloaded file is the feed's, byte for byte; nothing is installed yet, and no snapshot was taken for it.
    expect(sha512(readFileSync(join(pendingFolder, feed.fileName)))).toBe(sha512(feed.artifact));
    expect(installs).toEqual([]);
    expect(await core.backups.list()).toEqual(before);

    expect(await call(core, 'updates.restart', {})).toEqual({ restarting: true });

    const taken = (await core.backups.list()).filter((snapshot) => !before.some((old) => old.id === snapshot.id));
    expect(taken).toEqual([
      objectContaining({
        reason: 'before update',
        verified: true,
        counts: objectContaining({ contacts: 1 }),
      }),
    ]);
    // Asked once, not silently, and only after the snapshot was in place.
    expect(installs).toEqual([{ isSilent: false, snapshotsThen: arrayContaining([taken[0]!.id]) }]);
  });

  it('a download cut off half-way changes nothing: no snapshot, no install, the data folder as it was; it tries again later', async () => {
    const { feed, core, flow, announced, installs, pendingFolder, dataDir } = await setUp();
    feed.serve('cut half-way');
    const before = folderState(dataDir);
    const snapshotsBefore = await core.backups.list();

    expect(await flow.checkAutomatically()).toEqual({ state: 'failed', message: tryLaterMessage });

    expect(feed.requests.map((request) => request.path)).toContain(`/${feed.fileName}`);
    expect(announced).toEqual([]);
    expect(installs).toEqual([]);
    expect(await core.backups.list()).toEqual(snapshotsBefore);
    expect(folderState(dataDir)).toEqual(before);
    // No half file is kept as if it were the update.
    expect(existsSync(pendingFolder) ? readdirSync(pendingFolder) : []).toEqual([]);

    // The next check, with the network back, gets it.
    feed.serve('whole');
    expect(await flow.checkAutomatically()).toEqual({ state: 'ready', version: '0.2.0' });
    expect(announced).toEqual(['0.2.0']);
  });

  it('an import that is running holds the install until it ends; the snapshot is taken after it', async () => {
    const held = holdableImport();
    const { core, flow, desktop, installs } = await setUp({ startJobs: held.startJobs });
    const file = await openFile(core, desktop, writeFile(tempDir(), 'people.csv', peopleCsv(30)));
    const importing = file.run();
    await expect.poll(() => held.state.running).toBe(true);
    expect(await flow.checkAutomatically()).toEqual({ state: 'ready', version: '0.2.0' });

    const restarting = call(core, 'updates.restart', {});
    expect(await stillPending(restarting)).toBe(true);
    expect(installs).toEqual([]);
    expect((await core.backups.list()).filter((snapshot) => snapshot.reason === 'before update')).toEqual([]);

    held.release();
    expect((await importing).created).toBe(30);
    expect(await restarting).toEqual({ restarting: true });
    expect(installs).toHaveLength(1);
    const [snapshot] = (await core.backups.list()).filter((taken) => taken.reason === 'before update');
    // Taken after the import: the 30 imported people are in it.
    expect(snapshot?.counts.contacts).toBe(31);
  });

  it('checks a minute after start and every 6 hours; with the setting off, the feed is never asked', async () => {
    const { feed, core, flow, timers } = await setUp();
    await call(core, 'updates.updateSettings', { checkAutomatically: false });
    flow.start();
    expect(timers.map(({ kind, ms }) => ({ kind, ms }))).toEqual([
      { kind: 'once', ms: 60_000 },
      { kind: 'every', ms: 6 * 3600_000 },
    ]);
    for (const timer of timers) timer.run();
    expect(await flow.checkAutomatically()).toEqual({ state: 'idle' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(feed.requests).toEqual([]);
  });

  it('a development build never checks: nothing is scheduled and the feed is never asked', async () => {
    const { feed, flow, timers } = await setUp({ packaged: false });
    flow.start();
    expect(timers).toEqual([]);
    expect(await flow.checkAutomatically()).toEqual({ state: 'off', reason: 'development build' });
    expect(await flow.checkNow()).toEqual({ state: 'off', reason: 'development build' });
    expect(feed.requests).toEqual([]);
  });
});
