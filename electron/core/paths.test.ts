import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../tests/support/temp-dir';
import { memoryLogger } from './logger';
import { prepareDataPaths, resolveDataDir } from './paths';

describe('data directory', () => {
  const tempDir = useTempDirs();

  it('uses CRM_DATA_DIR when set, made absolute against the working directory', () => {
    expect(resolveDataDir({ CRM_DATA_DIR: 'portable/data' }, () => '/unused', '/home/anna')).toBe(
      '/home/anna/portable/data',
    );
    expect(resolveDataDir({ CRM_DATA_DIR: '/srv/crm/' }, () => '/unused')).toBe('/srv/crm');
  });

  it("falls back to the platform's user-data folder when CRM_DATA_DIR is unset or blank", () => {
    expect(resolveDataDir({}, () => '/Users/anna/Library/Application Support/Rolodesk')).toBe(
      '/Users/anna/Library/Application Support/Rolodesk',
    );
    expect(resolveDataDir({ CRM_DATA_DIR: '   ' }, () => '/fallback')).toBe('/fallback');
  });

  it('creates every missing folder and logs each resolved path', () => {
    const root = join(tempDir(), 'not', 'yet', 'there');
    const logger = memoryLogger();
    const paths = prepareDataPaths(root, logger);
    for (const folder of [paths.root, paths.attachments, paths.backups, paths.logs]) {
      expect(statSync(folder).isDirectory()).toBe(true);
    }
    expect(paths.database).toBe(join(root, 'crm.db'));
    expect(existsSync(paths.database)).toBe(false);
    const logged = logger.records.find((record) => record.message === 'data paths resolved');
    expect(logged?.context).toMatchObject({
      root,
      database: paths.database,
      attachments: paths.attachments,
      backups: paths.backups,
      logs: paths.logs,
    });
  });
});
