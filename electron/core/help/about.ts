import type { AboutFacts } from '../../../shared/schemas/help';

/** What process.versions holds that About shows; in the harness and the command line there is no electron or chrome. */
export type RuntimeVersions = Partial<Record<'electron' | 'chrome' | 'node', string>>;

export interface AboutSources {
  appVersion: string;
  versions: RuntimeVersions;
  /** The operating system and processor (process.platform and process.arch). */
  system: string;
  sqliteVersion: () => string;
  dataFolder: string;
  lastVerifiedBackupAt: () => Promise<string | null>;
}

export async function aboutFacts(sources: AboutSources): Promise<AboutFacts> {
  return {
    version: sources.appVersion,
    electron: sources.versions.electron ?? null,
    chromium: sources.versions.chrome ?? null,
    node: sources.versions.node ?? 'unknown',
    sqlite: sources.sqliteVersion(),
    system: sources.system,
    dataFolder: sources.dataFolder,
    lastVerifiedBackupAt: await sources.lastVerifiedBackupAt(),
  };
}

/** About as lines of text, the way the diagnostics report (and a support person) reads it. */
export function aboutLines(facts: AboutFacts): string[] {
  const notInElectron = 'not running in Electron';
  return [
    `Rolodesk: ${facts.version}`,
    `Electron: ${facts.electron ?? notInElectron}`,
    `Chromium: ${facts.chromium ?? notInElectron}`,
    `Node: ${facts.node}`,
    `SQLite: ${facts.sqlite}`,
    `System: ${facts.system}`,
    `Data folder: ${facts.dataFolder}`,
    `Last verified backup: ${facts.lastVerifiedBackupAt ?? 'none yet'}`,
  ];
}
