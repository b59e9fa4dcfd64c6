import log from 'electron-log/node';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChannelName, Input } from '../../../shared/contract';
import type { Result } from '../../../shared/result';
import type { AboutFacts } from '../../../shared/schemas/help';
import { privacyMarkers, leaksIn } from '../../../tests/support/privacy-markers';
import { recordingDesktop, type RecordingDesktop } from '../../../tests/support/recording-desktop';
import { useTempDirs } from '../../../tests/support/temp-dir';
import { openCore, type Core } from '../core';
import { fileLogger } from '../file-logger';
import { pathForLog } from '../log-privacy';
import { keptOfProblem } from './problem-report';
import { stringMatching } from '../../../tests/support/matchers';

const ok = <T>(result: Result<unknown>): T => {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.data as T;
};

describe('Help: About, Copy Diagnostics, problems the window met', () => {
  const tempDir = useTempDirs();
  let core: Core | undefined;
  afterEach(async () => {
    await core?.close();
    core = undefined;
  });

  /** A core whose log goes to <data>/logs/main.log through the app's own file logger. */
  async function loggedCore() {
    const dataDir = tempDir();
    const logger = fileLogger(log, dataDir, { console: false });
    const desktop = recordingDesktop();
    core = await openCore({ dataDir, logger, appVersion: '1.2.3-test', desktop });
    const opened = core;
    const call = async <C extends ChannelName, T = unknown>(channel: C, input: Input<C>): Promise<T> =>
      ok<T>(await opened.dispatch(channel, input));
    return { dataDir, logger, desktop, core: opened, call };
  }

  const copiedText = (desktop: RecordingDesktop) => {
    expect(desktop.copied).toHaveLength(1);
    return desktop.copied[0]!;
  };

  it('About names the version, the runtimes, SQLite, the data folder and the last verified backup (none yet, then its time)', async () => {
    const { dataDir, call, core: opened } = await loggedCore();
    const before = await call<'help.about', AboutFacts>('help.about', {});
    expect(before).toMatchObject({
      version: '1.2.3-test',
      node: process.versions.node,
      dataFolder: dataDir,
      lastVerifiedBackupAt: null,
    });
    // vitest runs in plain Node: there is no Electron or Chromium to name.
    expect(before.electron).toBeNull();
    expect(before.chromium).toBeNull();
    expect(before.sqlite).toMatch(/^3\.\d+\.\d+$/);
    const snapshot = await opened.backups.verifiedSnapshot('manual');
    const after = await call<'help.about', AboutFacts>('help.about', {});
    expect(after.lastVerifiedBackupAt).toBe(snapshot.createdAt);
  });

  it('diagnostics hold the About facts, allow-listed settings and the last 200 log lines, and none of the records, names, addresses or secrets', async () => {
    const m = privacyMarkers;
    const { dataDir, logger, desktop, call } = await loggedCore();
    const contact = await call<'contacts.create', { id: number }>('contacts.create', {
      name: m.contact,
      email: m.email,
      notes: m.note,
      company: m.company,
    });
    await call('activities.create', { kind: 'note', subject: m.noteSubject, body: m.note, contactId: contact.id });
    await call('sending.settings.update', {
      host: m.smtpHost,
      port: 2525,
      security: 'starttls',
      user: m.importName,
      fromName: m.importName,
      fromAddress: m.importEmail,
      messagesPerMinute: 12,
    });
    await call('sending.setPassword', { password: m.password });
    // Our own lines quote a user's value (“…”) and pass addresses along: the file logger hides them as it writes.
    for (let line = 0; line < 250; line++)
      logger.info(`saved contact “${m.contact}” for ${m.email} at ${pathForLog(`/home/${m.userName}/${m.fileName}`)}`, {
        line,
      });
    // A line that reached the file without the filter (an older version, another tool): the report filters it again.
    appendFileSync(
      logger.file,
      `[2026-12-07 03:00:00.000] [info] unfiltered “${m.contact}” <${m.email}> in ${dataDir}/attachments\n`,
    );

    expect(await call('help.diagnostics', {})).toEqual({ copied: true, logLines: 200 });
    const text = copiedText(desktop);
    expect(leaksIn(text, Object.values(m))).toEqual([]);
    expect(text).toContain('Rolodesk: 1.2.3-test');
    expect(text).toContain('Electron: not running in Electron');
    expect(text).toMatch(/SQLite: 3\.\d+/);
    expect(text).toContain(`Data folder: ${dataDir}`);
    expect(text).toContain('Last verified backup: none yet');
    expect(text).toContain('sending.email.port = 2525');
    expect(text).toContain('sending.email.messagesPerMinute = 12');
    expect(text).toContain('backups.intervalMinutes = 15');
    expect(text).toContain('attachments');
    // The log's last lines, the unfiltered one with its values as fingerprints and the folder as <data>.
    const logPart = text.slice(text.indexOf('Log: the last 200 lines'));
    expect(logPart.trim().split('\n').slice(1)).toHaveLength(200);
    expect(logPart).toMatch(/unfiltered “#[0-9a-f]{12}” <#[0-9a-f]{12}> in <data>\/attachments/);
    // The raw file did hold them: the check above is not vacuous.
    expect(leaksIn(readFileSync(logger.file, 'utf8'), [m.contact, m.email]).length).toBeGreaterThan(0);
  });

  it('shows only allow-listed settings: a stored setting it does not know is counted, never shown', async () => {
    const { desktop, call, core: opened } = await loggedCore();
    opened.settings.set('updates.feedToken', 'token-lëak-5e1');
    opened.settings.set('window.placement', { bounds: { x: 1, y: 2, width: 3, height: 4 }, maximized: false });
    await call('updates.updateSettings', { checkAutomatically: false });
    await call('help.diagnostics', {});
    const text = copiedText(desktop);
    expect(text).not.toContain('token-lëak-5e1');
    expect(text).not.toContain('updates.feedToken');
    expect(text).toMatch(/\(2 other stored settings not shown/);
    expect(text).toContain('updates.settings.checkAutomatically = false');
  });

  it('a window’s unhandled error is logged with its stack, shortened, its values hidden', async () => {
    const { logger, call } = await loggedCore();
    const longStack = `TypeError: “${privacyMarkers.contact}” is not a function\n${'    at renderRow (index.js:10:20)\n'.repeat(2000)}`;
    expect(
      await call('help.reportProblem', {
        message: `Cannot show ${privacyMarkers.email}`,
        stack: longStack,
        source: 'screen',
      }),
    ).toEqual({ logged: true });
    const text = readFileSync(logger.file, 'utf8');
    const line = text.split('\n').find((entry) => entry.includes('the window met an error it did not handle'));
    expect(line).toBeDefined();
    expect(text).toContain('at renderRow (index.js:10:20)');
    expect(text).toContain('more characters not kept');
    expect(leaksIn(text, [privacyMarkers.contact, privacyMarkers.email])).toEqual([]);
    expect(text.length).toBeLessThan(keptOfProblem.stack * 2 + 5000);
  });

  it('About and diagnostics still answer while the database is damaged (recovery mode)', async () => {
    const { dataDir, core: opened } = await loggedCore();
    await opened.close();
    writeFileSync(join(dataDir, 'crm.db'), Buffer.alloc(8192, 'not a database '));
    const desktop = recordingDesktop();
    core = await openCore({
      dataDir,
      logger: fileLogger(log, dataDir, { console: false }),
      appVersion: '1.2.3-test',
      desktop,
    });
    expect(await core.dispatch('app.info', {})).toMatchObject({ ok: true, data: { mode: 'recovery' } });
    expect(await core.dispatch('help.about', {})).toMatchObject({
      ok: true,
      data: { sqlite: stringMatching(/^3\./), dataFolder: dataDir },
    });
    expect(await core.dispatch('help.diagnostics', {})).toMatchObject({ ok: true, data: { copied: true } });
    expect(copiedText(desktop)).toContain('the database is damaged');
  });
});
