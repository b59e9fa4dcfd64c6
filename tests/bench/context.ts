import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCore, type Core } from '../../electron/core/core';
import { noDesktop } from '../../electron/core/desktop';
import { dataPaths } from '../../electron/core/paths';
import { memoryLogger } from '../../electron/core/logger';
import { seedContacts, type SeedContact } from './seed';
import type { SeedCrm } from './seed-crm';
import { shellSetupLike } from './shell-pragmas';

export interface MemorySnapshot {
  label: string;
  rss: number;
  heapUsed: number;
}

/** Everything a bench row works with: the seeded data, the directories, the open core. */
export interface BenchContext {
  /** How many contacts the database is seeded with. */
  contacts: number;
  /** The seed contacts, plus `extraContacts` more for the rows that create one at a time. */
  data: readonly SeedContact[];
  extraContacts: number;
  seed: number;
  /** The Rolodesk data directory every Rolodesk row and every shell read row uses. */
  rolodeskDir: string;
  rolodeskDb: string;
  /** An empty Rolodesk database (schema, triggers, FTS), copied to start each side's writes from the same file. */
  templateDb: string;
  /** The shell's own database for the write rows, a copy of the template. */
  shellDb: string;
  /** PRAGMA lines that give a shell connection the app's settings. */
  shellSetup: readonly string[];
  /** Where the .sql scripts for the shell are written. */
  scriptDir: string;
  /** The core on rolodeskDir, opened on first use. */
  core: () => Promise<Core>;
  closeCore: () => Promise<void>;
  openCoreOn: (dataDir: string) => Promise<Core>;
  /** Companies, deals and activities, once the CRM seed step has run. */
  crm?: SeedCrm;
  memory: MemorySnapshot[];
  snapshotMemory: (label: string) => void;
  /** Closes the core and removes the work directory unless asked to keep it. */
  dispose: (keep: boolean) => Promise<void>;
  /** The temporary work directory holding all of the above. */
  root: string;
}

function copyDatabase(from: string, to: string): void {
  copyFileSync(from, to);
  // After a clean close the WAL is folded in and gone; copy it if it is not.
  if (existsSync(`${from}-wal`)) copyFileSync(`${from}-wal`, `${to}-wal`);
}

export async function createContext(options: {
  contacts: number;
  extraContacts: number;
  seed: number;
}): Promise<BenchContext> {
  const root = mkdtempSync(join(tmpdir(), 'rolodesk-bench-'));
  const templateDir = join(root, 'template');
  const rolodeskDir = join(root, 'rolodesk');
  const shellDir = join(root, 'shell');
  const scriptDir = join(root, 'sql');
  for (const dir of [rolodeskDir, shellDir, scriptDir]) mkdirSync(dir, { recursive: true });

  const logger = memoryLogger();
  // The bench plays a user who answers "yes" to every native "cannot be undone" question (it deletes a field it added).
  const openCoreOn = (dataDir: string) =>
    openCore({
      dataDir,
      logger,
      appVersion: '0.0.0-bench',
      desktop: { ...noDesktop, confirmDestructive: () => Promise.resolve(true) },
    });
  // The schema comes from the app itself, so triggers and FTS are the ones it ships.
  const template = await openCoreOn(templateDir);
  const shellSetup = shellSetupLike(template.db);
  await template.close();
  const templateDb = dataPaths(templateDir).database;
  const rolodeskDb = dataPaths(rolodeskDir).database;
  const shellDb = join(shellDir, 'crm.db');
  copyDatabase(templateDb, rolodeskDb);
  copyDatabase(templateDb, shellDb);

  let core: Core | undefined;
  const closeCore = async () => {
    await core?.close();
    core = undefined;
  };
  const memory: MemorySnapshot[] = [];
  return {
    contacts: options.contacts,
    data: seedContacts(options.contacts + options.extraContacts, options.seed),
    extraContacts: options.extraContacts,
    seed: options.seed,
    root,
    rolodeskDir,
    rolodeskDb,
    templateDb,
    shellDb,
    shellSetup,
    scriptDir,
    async core() {
      if (!core) {
        core = await openCoreOn(rolodeskDir);
        // A copied file carries no clean-close mark, so its first open checks it while writes wait: not what a row times.
        await core.writesAccepted();
      }
      return core;
    },
    closeCore,
    openCoreOn,
    memory,
    snapshotMemory(label) {
      const { rss, heapUsed } = process.memoryUsage();
      memory.push({ label, rss, heapUsed });
    },
    async dispose(keep) {
      await closeCore();
      if (!keep) rmSync(root, { recursive: true, force: true });
    },
  };
}
