import { homedir, userInfo } from 'node:os';
import { join } from 'node:path';
import type { BackupStatus } from '../../../shared/schemas/backup';
import type { Handlers } from '../context';
import type { DesktopServices } from '../desktop';
import type { Logger } from '../logger';
import { aboutFacts, type AboutSources } from './about';
import { diagnosticsLogLines, diagnosticsText } from './diagnostics';
import { logTail } from './log-tail';
import { logProblem } from './problem-report';
import { backupSettingLines, settingLines } from './shown-settings';

/** The log main writes (electron/core/file-logger.ts), in <data>/logs. */
export const mainLogFileName = 'main.log';

export interface HelpSources extends Omit<AboutSources, 'lastVerifiedBackupAt'> {
  logsFolder: string;
  logger: Logger;
  desktop: DesktopServices;
  now: () => Date;
  backupStatus: () => Promise<BackupStatus>;
  /** Every stored setting by key; empty while the database is damaged. */
  storedSettings: () => ReadonlyMap<string, unknown>;
}

function accountName(): string | undefined {
  try {
    return userInfo().username;
  } catch {
    return undefined;
  }
}

/** Help › About, Copy Diagnostics, and the window's unhandled errors; they work in recovery mode too. */
export function helpHandlers(
  sources: HelpSources,
): Pick<Handlers, 'help.about' | 'help.diagnostics' | 'help.reportProblem'> {
  const about = () =>
    aboutFacts({ ...sources, lastVerifiedBackupAt: async () => (await sources.backupStatus()).lastVerifiedAt });
  return {
    'help.about': about,
    'help.diagnostics': async () => {
      const status = await sources.backupStatus();
      const logLines = await logTail(join(sources.logsFolder, mainLogFileName), diagnosticsLogLines, {
        dataDir: sources.dataFolder,
        homeDir: homedir(),
        userName: accountName(),
      });
      const text = diagnosticsText({
        madeAt: sources.now(),
        about: await about(),
        settings: [...backupSettingLines(status), ...settingLines(sources.storedSettings())],
        logFileName: mainLogFileName,
        logLines,
      });
      sources.desktop.copyText(text);
      return { copied: true as const, logLines: logLines.length };
    },
    'help.reportProblem': (report) => {
      logProblem(sources.logger, report);
      return { logged: true as const };
    },
  };
}
