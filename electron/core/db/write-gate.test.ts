import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../../tests/support/temp-dir';
import { writeGate } from './write-gate';

describe('the write gate', () => {
  const tempDir = useTempDirs();

  function connections() {
    const file = join(tempDir(), 'gate.db');
    const core = new Database(file);
    core.pragma('journal_mode = WAL');
    core.pragma('busy_timeout = 5000');
    core.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL)');
    const job = new Database(file);
    job.pragma('busy_timeout = 5000');
    return { core, job };
  }

  it('while a job holds the lock: the core fails fast instead of sleeping in SQLite, waits for the job, then runs again', async () => {
    const { core, job } = connections();
    const gate = writeGate(core);
    const order: string[] = [];
    let attempts = 0;
    const write = gate.guard((text: string) => {
      attempts++;
      core.transaction(() => core.prepare('INSERT INTO notes (text) VALUES (?)').run(text))();
      order.push(`core wrote ${text}`);
      return text;
    });
    let release!: () => void;
    const jobDone = new Promise<void>((resolve) => (release = resolve));
    const held = gate.hold(async () => {
      job.exec('BEGIN IMMEDIATE');
      job.prepare('INSERT INTO notes (text) VALUES (?)').run('from the job');
      expect(core.pragma('busy_timeout', { simple: true })).toBe(0);
      await jobDone;
      job.exec('COMMIT');
      order.push('job committed');
    });
    expect(gate.held).toBe(true);
    const written = write('typed meanwhile');
    // Reads go on, seeing the data as it was before the job's COMMIT.
    expect(core.prepare('SELECT count(*) FROM notes').pluck().get()).toBe(0);
    await new Promise((resolve) => setImmediate(resolve));
    expect(attempts).toBe(1);
    release();
    await held;
    expect(await written).toBe('typed meanwhile');
    expect(attempts).toBe(2);
    expect(order).toEqual(['job committed', 'core wrote typed meanwhile']);
    expect(core.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(core.prepare('SELECT text FROM notes ORDER BY id').pluck().all()).toEqual([
      'from the job',
      'typed meanwhile',
    ]);
    job.close();
    core.close();
  });

  it('a request that may write waits before it starts; one that fails for another reason is not retried', async () => {
    const { core, job } = connections();
    const gate = writeGate(core);
    let started = false;
    const waitsFirst = gate.guard(() => (started = true), { waitFirst: true });
    let release!: () => void;
    const held = gate.hold(() => new Promise<void>((resolve) => (release = resolve)));
    const pending = waitsFirst();
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toBe(false);
    release();
    await held;
    expect(await pending).toBe(true);
    let calls = 0;
    const failing = gate.guard(() => {
      calls++;
      throw new Error('not a lock');
    });
    await expect(failing()).rejects.toThrow('not a lock');
    expect(calls).toBe(1);
    job.close();
    core.close();
  });

  it('shut from inside a hold (a check found damage): no request that waited runs, nor any later one, nor a later hold', async () => {
    const { core, job } = connections();
    const gate = writeGate(core);
    let writes = 0;
    const write = gate.guard(
      () => {
        writes++;
        core.prepare('INSERT INTO notes (text) VALUES (?)').run('must not land');
      },
      { waitFirst: true },
    );
    const reads = gate.guard(() => core.prepare('SELECT count(*) FROM notes').pluck().get());
    let finishCheck!: () => void;
    const checking = new Promise<void>((resolve) => (finishCheck = resolve));
    const refusal = new Error('the database is damaged');
    const held = gate.hold(async () => {
      await checking;
      gate.shut(refusal);
      return false;
    });
    const waited = write();
    // Reads are answered while the gate is held.
    expect(await reads()).toBe(0);
    finishCheck();
    expect(await held).toBe(false);
    await expect(waited).rejects.toBe(refusal);
    await expect(write()).rejects.toBe(refusal);
    await expect(gate.hold(() => Promise.resolve('later'))).rejects.toBe(refusal);
    expect(writes).toBe(0);
    expect(core.prepare('SELECT count(*) FROM notes').pluck().get()).toBe(0);
    job.close();
    core.close();
  });
});
