import type { AboutFacts } from '../../../shared/schemas/help';
import { aboutLines } from './about';

export interface DiagnosticsParts {
  madeAt: Date;
  about: AboutFacts;
  settings: string[];
  logFileName: string;
  logLines: string[];
}

export const diagnosticsLogLines = 200;

/** The plain-text report Help › Copy Diagnostics puts on the clipboard for a support request. */
export function diagnosticsText({ madeAt, about, settings, logFileName, logLines }: DiagnosticsParts): string {
  const indent = (lines: string[]) => lines.map((line) => `  ${line}`);
  return [
    'Rolodesk diagnostics',
    `Made ${madeAt.toISOString()}. It holds no contacts, companies, deals or notes: names, addresses and file names in the log are written as #fingerprints.`,
    '',
    'About',
    ...indent(aboutLines(about)),
    '',
    'Settings',
    ...indent(settings.length > 0 ? settings : ['(none saved)']),
    '',
    `Log: the last ${logLines.length} lines of logs/${logFileName}`,
    ...indent(logLines.length > 0 ? logLines : ['(the log is empty)']),
    '',
  ].join('\n');
}
