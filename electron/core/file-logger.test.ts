import log from 'electron-log/node';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../tests/support/temp-dir';
import { fileLogger, logFileMaxBytes } from './file-logger';
import { fingerprint } from './log-privacy';
import { prepareDataPaths } from './paths';

describe('the log file', () => {
  const tempDir = useTempDirs();

  it('writes to <data dir>/logs/main.log with the context of each entry, rotating at 5 MB', () => {
    const root = tempDir();
    const paths = prepareDataPaths(root, { debug() {}, info() {}, warn() {}, error() {} });
    const logger = fileLogger(log, paths.root, { console: false });
    logger.error('request failed', { channel: 'contacts.create', code: 'SQLITE_FULL' });
    logger.info('core closed');
    expect(logger.file).toBe(join(root, 'logs', 'main.log'));
    const text = readFileSync(logger.file, 'utf8');
    expect(text).toMatch(/\[error\] request failed .*contacts\.create.*SQLITE_FULL/);
    expect(text).toMatch(/\[info\]\s+core closed/);
    expect(statSync(logger.file).size).toBeGreaterThan(0);
    expect(log.transports.file.maxSize).toBe(logFileMaxBytes);
  });

  it('names the data folder once at the start, then writes it as <data>, the home folder as ~ and no one’s name', () => {
    const home = join(tempDir(), 'zoe-home');
    const root = join(home, '.config', 'Rolodesk');
    const paths = prepareDataPaths(root, { debug() {}, info() {}, warn() {}, error() {} });
    const logger = fileLogger(log, paths.root, { homeDir: home, userName: 'zoe-home', console: false });
    logger.info('data paths resolved', { ...paths });
    logger.warn('request failed', {
      channel: 'contacts.get',
      error: { message: 'The contact “Zoë Lëakcheck” is in the trash.' },
    });
    logger.warn('upload failed', { nested: [{ to: 'leak.check.7f3@example.org' }] });
    // What electron-log's own error handler writes goes through the same redaction.
    log.error(new Error(`ENOENT: no such file or directory, open '${join(home, 'Documents', 'leak-file-4d2.pdf')}'`));
    const text = readFileSync(logger.file, 'utf8');
    expect(text.split(root).length - 1).toBe(1);
    expect(text).toMatch(new RegExp(`\\[info\\]\\s+data folder: ${root}\\n`));
    expect(text).toContain('<data>/crm.db');
    expect(text).toContain(`“${fingerprint('Zoë Lëakcheck')}”`);
    expect(text).toContain(`open '${fingerprint(join(home, 'Documents', 'leak-file-4d2.pdf'))}'`);
    for (const marker of ['Zoë', 'Lëakcheck', 'leak.check', 'leak-file-4d2']) expect(text).not.toContain(marker);
  });
});
