import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Where each group of screens writes its table of axe findings, for the closing note. */
export const axeReportDir = resolve(__dirname, '../../test-results/axe');

/** WCAG 2.0 and 2.1, levels A and AA: what the issue asks the app to meet. */
const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Impacts that fail the run; moderate and minor ones are listed but allowed. */
const blocking = new Set(['serious', 'critical']);

export interface AxeFinding {
  place: string;
  rule: string;
  impact: string;
  count: number;
  /** The first few offending elements, so a failure says where to look. */
  targets: string[];
}

/**
 * Runs axe over what the user sees now and remembers what it found under the place's name.
 * `within` narrows the scan to an open dialog, so a dialog's row counts only what is in it.
 */
export class AxeAudit {
  private readonly findings: AxeFinding[] = [];
  private readonly places: string[] = [];

  constructor(
    private readonly page: Page,
    private readonly group: string,
  ) {}

  async scan(place: string, within?: string): Promise<void> {
    let builder = new AxeBuilder({ page: this.page }).withTags(wcagTags);
    if (within) builder = builder.include(within);
    const result = await builder.analyze();
    this.places.push(place);
    for (const violation of result.violations) {
      this.findings.push({
        place,
        rule: violation.id,
        impact: violation.impact ?? 'unknown',
        count: violation.nodes.length,
        targets: violation.nodes.slice(0, 3).map((node) => node.target.join(' ')),
      });
    }
  }

  /** The serious and critical findings; the test expects none. */
  blocking(): AxeFinding[] {
    return this.findings.filter((finding) => blocking.has(finding.impact));
  }

  /** Writes test-results/axe/<group>.md: one row per place and rule, and "none" for a clean place. */
  write(): string {
    mkdirSync(axeReportDir, { recursive: true });
    const lines = [
      `# axe: ${this.group}`,
      '',
      '| Place | Rule | Impact | Count | First elements |',
      '|---|---|---|---|---|',
    ];
    for (const place of this.places) {
      const here = this.findings.filter((finding) => finding.place === place);
      if (here.length === 0) lines.push(`| ${place} | none | | 0 | |`);
      for (const { rule, impact, count, targets } of here) {
        lines.push(`| ${place} | ${rule} | ${impact} | ${count} | \`${targets.join('`, `')}\` |`);
      }
    }
    const path = join(axeReportDir, `${this.group.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.md`);
    writeFileSync(path, lines.join('\n') + '\n');
    return path;
  }
}
