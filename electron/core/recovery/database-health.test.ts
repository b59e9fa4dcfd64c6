import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../../tests/support/core';
import { useJobRunner } from '../../../tests/support/jobs';
import { useTempDirs } from '../../../tests/support/temp-dir';
import type { Every } from '../backups/schedule';
import { migrations } from '../db/migrations';
import { openDatabase } from '../db/open';
import { writeGate, type WriteGate } from '../db/write-gate';
import { memoryLogger } from '../logger';
import { settingsRepo } from '../settings/repo';
import {
  integrityCheckEveryMs,
  lastIntegrityCheck,
  markIntegrityChecked,
  watchDatabaseHealth,
} from './database-health';

// A job worker takes over a second to start on a loaded 2-core machine: wait for the check, however long it takes to begin.
const jobWait = { timeout: 30_000 };

/** A timer that ticks only when the test says so. */
function manualTimer() {
  const ticks: Array<() => void> = [];
  const every: Every = (_ms, tick) => {
    ticks.push(tick);
    return () => ticks.splice(ticks.indexOf(tick), 1);
  };
  return { every, tick: () => ticks.forEach((tick) => tick()), running: () => ticks.length };
}

/** How the session hands the checks its write gate. */
const writableThrough = (gate: WriteGate) => (write: () => void) => gate.guard(write, { waitFirst: true })();

describe('the database health checks of a running app', () => {
  const tempDir = useTempDirs();
  const jobs = useJobRunner();

  it('run the weekly integrity check when it falls due while the app stays open, once, and remember it', async () => {
    const file = join(tempDir(), 'crm.db');
    const db = await openDatabase(file, migrations, memoryLogger());
    const settings = settingsRepo(db);
    const clock = fixedClock('2026-05-04T08:00:00.000Z');
    markIntegrityChecked(settings, clock.now());
    const logger = memoryLogger();
    const timer = manualTimer();
    const finishedChecks = () =>
      logger.records
        .filter((record) => record.message === 'background database checks finished')
        .map((record) => record.context);
    const health = watchDatabaseHealth({
      jobs: jobs(),
      file,
      settings,
      clock,
      logger,
      quickCheckPending: false,
      onDamaged: () => undefined,
      whenWritable: writableThrough(writeGate(db)),
      every: timer.every,
    });

    clock.advance(integrityCheckEveryMs - 60_000);
    timer.tick();
    clock.advance(60_000);
    timer.tick();
    timer.tick();
    await expect.poll(finishedChecks, jobWait).toEqual([{ passed: ['integrity check'] }]);
    expect(lastIntegrityCheck(settings)).toEqual(clock.now());

    health.stop();
    expect(timer.running()).toBe(0);
    clock.advance(integrityCheckEveryMs);
    timer.tick();
    expect(
      logger.records.filter((record) => record.message === 'weekly integrity check started in the background'),
    ).toHaveLength(1);
    db.close();
  });

  it('a check that passes while an import holds the database remembers it once the import commits, not "busy"', async () => {
    const file = join(tempDir(), 'crm.db');
    const db = await openDatabase(file, migrations, memoryLogger());
    const settings = settingsRepo(db);
    const clock = fixedClock('2026-05-04T08:00:00.000Z');
    const logger = memoryLogger();
    const gate = writeGate(db);
    // An import's writer: another connection holding the write lock until the test lets it commit.
    const importer = await openDatabase(file, migrations, memoryLogger());
    let commit!: () => void;
    const importing = gate.hold(async () => {
      importer.exec('BEGIN IMMEDIATE');
      importer
        .prepare(
          "INSERT INTO contacts (name, created_at, updated_at) VALUES ('Ana', '2026-05-04T08:00:00.000Z', '2026-05-04T08:00:00.000Z')",
        )
        .run();
      await new Promise<void>((resolve) => (commit = resolve));
      importer.exec('COMMIT');
    });
    let passed = false;
    const whenWritable = (write: () => void) => {
      passed = true;
      return writableThrough(gate)(write);
    };
    const health = watchDatabaseHealth({
      jobs: jobs(),
      file,
      settings,
      clock,
      logger,
      quickCheckPending: false,
      onDamaged: () => undefined,
      whenWritable,
      every: manualTimer().every,
    });

    // The check has passed and would write while the import still holds the lock.
    await expect.poll(() => passed, jobWait).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(lastIntegrityCheck(settings)).toBeUndefined();
    commit();
    await importing;
    await expect.poll(() => lastIntegrityCheck(settings), jobWait).toEqual(clock.now());
    expect(logger.records.filter((record) => record.level === 'warn')).toEqual([]);
    health.stop();
    importer.close();
    db.close();
  });

  it('a stored date that is not a date counts as never checked', async () => {
    const db = await openDatabase(join(tempDir(), 'crm.db'), migrations, memoryLogger());
    const settings = settingsRepo(db);
    settings.set('database.lastIntegrityCheckAt', 'last Tuesday');
    expect(lastIntegrityCheck(settings)).toBeUndefined();
    db.close();
  });
});
