import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { promisify } from 'node:util';

/** One finding of the scanner, at a project path (line 0 and file N/A: about the whole app). */
export interface Finding {
  check: string;
  file: string;
  line: number;
  description: string;
}

/** A `electronegativity: CHECK — why` comment, and the line of code it speaks for. */
export interface Justification {
  check: string;
  file: string;
  /** The comment's own line. */
  line: number;
  /** The code line it sits beside: its own line after code, else the next line that is not a comment. */
  target: number;
  why: string;
}

/** What ships: the main, preload and core code and the renderer with its index.html (its CSP). */
export const shippedFolders = ['electron', 'renderer'] as const;
const isTest = (name: string) => /\.test\.tsx?$/.test(name);
const isSource = (name: string) => /\.(ts|tsx|js|mjs|cjs|html)$/.test(name);
const justificationPattern = /(?:\/\/|<!--)\s*electronegativity:\s*([A-Z_]+)\s*[—-]\s*(.*?)\s*(?:-->)?\s*$/;
const commentLine = /^\s*(\/\/|\/\*|\*|<!--)|-->\s*$/;

/** Every justification comment in the shipped sources. */
export function readJustifications(root: string): Justification[] {
  const found: Justification[] = [];
  for (const folder of shippedFolders) {
    for (const entry of readdirSync(join(root, folder), { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !isSource(entry.name) || isTest(entry.name)) continue;
      const path = join(entry.parentPath, entry.name);
      found.push(...justificationsIn(relative(root, path), readFileSync(path, 'utf8')));
    }
  }
  return found;
}

/** The justification comments of one file, each with the line it speaks for. */
export function justificationsIn(file: string, text: string): Justification[] {
  const lines = text.split('\n');
  const found: Justification[] = [];
  lines.forEach((line, index) => {
    const match = justificationPattern.exec(line);
    if (!match) return;
    const codeBefore = !commentLine.test(line) && line.trim().length > 0;
    let target = index;
    if (!codeBefore) {
      target = index + 1;
      while (target < lines.length && commentLine.test(lines[target]!)) target++;
    }
    found.push({ check: match[1]!, file, line: index + 1, target: target + 1, why: match[2]! });
  });
  return found;
}

/**
 * Every finding needs a justification beside its line (a whole-app finding,
 * anywhere), with a reason; every justification needs a finding still there.
 * Returns the problems, in words; none means the check passes.
 */
export function judge(findings: readonly Finding[], justifications: readonly Justification[]): string[] {
  const problems: string[] = [];
  const speaksFor = (justification: Justification, finding: Finding) =>
    justification.check === finding.check &&
    (finding.file === 'N/A' || (justification.file === finding.file && justification.target === finding.line));
  for (const finding of findings) {
    if (!justifications.some((justification) => speaksFor(justification, finding))) {
      problems.push(
        `${finding.file}:${finding.line} ${finding.check} (${finding.description}): fix it, or justify it beside that line with "// electronegativity: ${finding.check} — <why this is safe>"`,
      );
    }
  }
  for (const justification of justifications) {
    if (justification.why.trim().length < 10)
      problems.push(
        `${justification.file}:${justification.line} justifies ${justification.check} without saying why it is safe`,
      );
    if (!findings.some((finding) => speaksFor(justification, finding))) {
      problems.push(
        `${justification.file}:${justification.line} justifies ${justification.check}, but the scanner no longer finds it on line ${justification.target}: remove or move the comment`,
      );
    }
  }
  return problems;
}

const require = createRequire(import.meta.url);

/** The part of electronegativity's SARIF output that is read back. */
interface SarifReport {
  runs: {
    results: {
      ruleId: string;
      message: { text: string };
      locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[];
    }[];
  }[];
}

/**
 * Runs electronegativity over a copy of the shipped sources (tests left out)
 * as a child process, offline, and reads its CSV back. The copy keeps paths
 * relative to the project, so findings name the project's files.
 */
export async function scan(root: string, electronVersion = '45.5.0'): Promise<Finding[]> {
  const work = mkdtempSync(join(tmpdir(), 'rolodesk-electronegativity-'));
  try {
    const sources = join(work, 'src');
    for (const folder of shippedFolders)
      cpSync(join(root, folder), join(sources, folder), { recursive: true, filter: (path) => !isTest(path) });
    // SARIF, not CSV: the CSV writer races its header against its rows, so under load the file comes out garbled.
    const output = join(work, 'findings.sarif');
    const cli = join(dirname(require.resolve('@doyensec/electronegativity/package.json')), 'dist', 'index.js');
    const offline = join(root, 'scripts', 'electronegativity', 'offline.cjs');
    // AvailableSecurityFixesGlobalCheck compares against releases fetched from GitHub: not a result to depend on offline.
    const args = [
      cli,
      '-i',
      sources,
      '-e',
      electronVersion,
      '-r',
      '-x',
      'AvailableSecurityFixesGlobalCheck',
      '-o',
      output,
    ];
    await promisify(execFile)(process.execPath, args, {
      env: { ...process.env, NODE_OPTIONS: `--require ${offline}` },
      timeout: 120_000,
      maxBuffer: 16 * 1024 * 1024,
    });
    const report = JSON.parse(readFileSync(output, 'utf8')) as SarifReport;
    return report.runs.flatMap((run) =>
      run.results.map((result) => {
        const location = result.locations[0]!.physicalLocation;
        const uri = location.artifactLocation.uri;
        return {
          check: result.ruleId,
          file: uri === 'file:///' ? 'N/A' : uri,
          line: location.region.startLine,
          description: result.message.text,
        };
      }),
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
