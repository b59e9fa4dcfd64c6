import type { BenchContext } from '../context';

/** How a row shows its per-operation time: as a time, or as a rate such as rows/s; or, for a memory row, its value as megabytes. */
export type Display = { kind: 'time' } | { kind: 'rate'; unit: string } | { kind: 'megabytes' };

/**
 * One line of the report: the same work timed in Rolodesk and in a reference
 * run in the same process on the same data — the sqlite3 shell for database
 * work, a plain file copy for file work. The note names the reference.
 */
export interface Measurement {
  operation: string;
  /** Milliseconds per operation. */
  rolodeskMs: number;
  /** Milliseconds per operation for the reference (named in the note). */
  referenceMs: number;
  display: Display;
  note: string;
}

/**
 * One step of the bench, run in list order on a shared context (later steps
 * see the data earlier ones wrote). A step may report several lines, or none.
 */
export interface BenchStep {
  title: string;
  run: (ctx: BenchContext) => Promise<Measurement[]>;
}

export const memoryMark = (label: string): BenchStep => ({
  title: `memory ${label}`,
  run: (ctx) => {
    ctx.snapshotMemory(label);
    return Promise.resolve([]);
  },
});
