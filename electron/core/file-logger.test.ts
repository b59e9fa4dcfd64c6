import log from 'electron-log/node';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../tests/support/temp-dir';
import { fileLogger, logFileMaxBytes } from './file-logger';
import { prepareDataPaths } from './paths';

describe('the log file', () => {
  const tempDir = useTempDirs();

  it('writes to <data dir>/logs/main.log with the context of each entry, rotating at 5 MB', () => {
    const root = tempDir();
    const paths = prepareDataPaths(root, { debug() {}, info() {}, warn() {}, error() {} });
    const logger = fileLogger(log, paths.logs);
    log.transports.console.level = false; // keep the test output clean
    logger.error('request failed', { channel: 'contacts.create', code: 'SQLITE_FULL' });
    logger.info('core closed');
    expect(logger.file).toBe(join(root, 'logs', 'main.log'));
    const text = readFileSync(logger.file, 'utf8');
    expect(text).toMatch(/\[error\] request failed .*contacts\.create.*SQLITE_FULL/);
    expect(text).toMatch(/\[info\]\s+core closed/);
    expect(statSync(logger.file).size).toBeGreaterThan(0);
    expect(log.transports.file.maxSize).toBe(logFileMaxBytes);
  });
});
