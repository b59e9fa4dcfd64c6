import type { Statement } from 'better-sqlite3';
import { z } from 'zod';
import {
  SegmentDefinition,
  type Segment,
  type SegmentCount,
  type SegmentSummary,
} from '../../../shared/schemas/segment';
import type { Db } from '../db/open';
import { writer } from '../db/write';
import { invalid } from '../records/problems';
import { segmentCompiler, type CompiledSegment } from './filter';

const SegmentRow = z.object({
  id: z.number(),
  name: z.string(),
  definition: z.string().transform((text) => SegmentDefinition.parse(JSON.parse(text))),
  created_at: z.string(),
  updated_at: z.string(),
});
type SegmentRow = z.infer<typeof SegmentRow>;

/** Saved segments: a name and a definition, counted and compiled as the data is now. */
export function segmentsRepo(db: Db) {
  const write = writer(db);
  const compile = segmentCompiler(db);
  const rows = <P extends unknown[]>(statement: Statement<P>, ...params: P): SegmentRow[] =>
    statement.all(...params).map((row) => SegmentRow.parse(row));
  const all = db.prepare<[]>('SELECT * FROM segments ORDER BY name, id');
  const byId = db.prepare<[number]>('SELECT * FROM segments WHERE id = ?');
  const byName = db.prepare<[string], { id: number; name: string }>('SELECT id, name FROM segments WHERE name = ?');
  const insert = db.prepare<[{ name: string; definition: string; now: string }], { id: number }>(
    'INSERT INTO segments (name, definition, created_at, updated_at) VALUES (@name, @definition, @now, @now) RETURNING id',
  );
  const change = db.prepare<[{ id: number; name: string; definition: string; now: string }]>(
    'UPDATE segments SET name = @name, definition = @definition, updated_at = @now WHERE id = @id',
  );
  const remove = db.prepare<[number]>('DELETE FROM segments WHERE id = ?');
  const counts = new Map<string, ReturnType<typeof db.prepare>>();

  const one = (id: number): SegmentRow | undefined => rows(byId, id)[0];

  function nameIsFree(name: string, except?: number): void {
    const same = byName.get(name);
    if (same && same.id !== except) throw invalid('name', `There is already a segment called “${same.name}”.`);
  }

  /** How many people (not in the trash) a compiled segment matches; null with its problems. */
  function countOf(compiled: CompiledSegment): SegmentCount {
    if (compiled.where === null) return { count: null, problems: compiled.problems };
    const sql = `SELECT count(*) FROM contacts c WHERE c.deleted_at IS NULL AND ${compiled.where}`;
    let statement = counts.get(sql);
    if (!statement) {
      statement = db.prepare(sql).pluck();
      counts.set(sql, statement);
    }
    return { count: z.int().parse(statement.get(compiled.params)), problems: [] };
  }

  const toSegment = (row: SegmentRow, now: Date): Segment => ({
    id: row.id,
    name: row.name,
    definition: row.definition,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    problems: compile(row.definition, now).problems,
  });

  return {
    compile,
    count: (definition: SegmentDefinition, now: Date): SegmentCount => countOf(compile(definition, now)),
    /** The SQL of a count, for EXPLAIN QUERY PLAN in tests and the bench's shell. */
    countSql(definition: SegmentDefinition, now: Date): { sql: string; params: Record<string, unknown> } | null {
      const compiled = compile(definition, now);
      return compiled.where === null
        ? null
        : {
            sql: `SELECT count(*) FROM contacts c WHERE c.deleted_at IS NULL AND ${compiled.where}`,
            params: compiled.params,
          };
    },
    list(now: Date): SegmentSummary[] {
      return rows(all).map((row) => {
        const { count, problems } = countOf(compile(row.definition, now));
        return { id: row.id, name: row.name, count, problems, updatedAt: row.updated_at };
      });
    },
    get: (id: number, now: Date): Segment | undefined => {
      const row = one(id);
      return row && toSegment(row, now);
    },
    /** The stored definition, for a list filtered by the segment. */
    definitionOf: (id: number): SegmentDefinition | undefined => one(id)?.definition,
    create: write((name: string, definition: SegmentDefinition, now: Date): Segment => {
      nameIsFree(name);
      // Compiled once before it is kept: a condition its field cannot take is refused now, not when counted.
      compile(definition, now);
      const { id } = insert.get({ name, definition: JSON.stringify(definition), now: now.toISOString() })!;
      return toSegment(one(id)!, now);
    }),
    update: write(
      (
        id: number,
        changes: { name?: string | undefined; definition?: SegmentDefinition | undefined },
        now: Date,
      ): Segment | undefined => {
        const row = one(id);
        if (!row) return undefined;
        const name = changes.name ?? row.name;
        nameIsFree(name, id);
        const definition = changes.definition ?? row.definition;
        compile(definition, now);
        change.run({ id, name, definition: JSON.stringify(definition), now: now.toISOString() });
        return toSegment(one(id)!, now);
      },
    ),
    delete: write((id: number): boolean => remove.run(id).changes > 0),
  };
}

export type SegmentsRepo = ReturnType<typeof segmentsRepo>;
