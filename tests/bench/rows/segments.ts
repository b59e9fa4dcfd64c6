import { join } from 'node:path';
import { segmentsRepo } from '../../../electron/core/segments/repo';
import { calendarDaysBetween } from '../../../shared/days';
import type { SegmentDefinition } from '../../../shared/schemas/segment';
import { call } from '../call';
import { captureSql } from '../capture-sql';
import type { BenchContext } from '../context';
import { formatCount } from '../format';
import { timeRepeated } from '../sqlite-shell';
import { percentile } from '../stats';
import { timeRuns } from '../stopwatch';
import type { BenchStep, Measurement } from './row';

const runs = 40;
const consents = ['subscribed', 'not_asked', 'not_asked', 'unsubscribed'] as const;

/** A number field on every third contact and a spread of consent, as a marketing office would have; taken away again after. */
async function addMarketingData(ctx: BenchContext): Promise<{ fieldId: number; remove: () => Promise<void> }> {
  const core = await ctx.core();
  const field = await call(core, 'customFields.create', { kind: 'contact', label: 'Bench seats', type: 'number' });
  core.db.transaction(() => {
    const value = core.db.prepare('INSERT INTO contact_custom_values (contact_id, field_id, value) VALUES (?, ?, ?)');
    for (let id = 1; id <= ctx.contacts; id += 3) value.run(id, field.id, id % 50);
    const consent = core.db.prepare('UPDATE contacts SET consent = ? WHERE id % 4 = ?');
    consents.forEach((status, remainder) => consent.run(status, remainder));
  })();
  return {
    fieldId: field.id,
    async remove() {
      await call(core, 'customFields.delete', { id: field.id });
      core.db.prepare("UPDATE contacts SET consent = 'not_asked'").run();
    },
  };
}

/**
 * Live segment counts as the editor asks them (segments.count), for the
 * definitions an office uses most, at the bench's size; the reference is the
 * shell running the same statements on the same file.
 */
export const segmentCounts: BenchStep = {
  title: 'segment counts while a segment is edited',
  async run(ctx) {
    if (!ctx.crm) throw new Error('the CRM seed step must run first');
    const core = await ctx.core();
    const marketing = await addMarketingData(ctx);
    try {
      // The seed's activities end on its own "now"; reach 90 days back from there, so the rule excludes as many people as it would in use.
      const lastActivity = new Date(
        Math.max(...ctx.crm.activities.slice(0, 10_000).map((activity) => Date.parse(activity.occurredAt))),
      );
      const quietDays = Math.min(3650, calendarDaysBetween(lastActivity, new Date()) + 90);
      const definitions: Array<{ label: string; definition: SegmentDefinition }> = [
        {
          label: 'tag + consent',
          definition: {
            match: 'all',
            conditions: [
              { kind: 'tags', op: 'any', tagIds: [1] },
              { kind: 'consent', values: ['subscribed', 'not_asked'] },
            ],
          },
        },
        {
          label: 'lifecycle: customers or former',
          definition: { match: 'all', conditions: [{ kind: 'lifecycle', values: ['customer', 'former_customer'] }] },
        },
        {
          label: `not contacted in ${quietDays} days`,
          definition: { match: 'all', conditions: [{ kind: 'lastActivity', op: 'noneInLast', days: quietDays }] },
        },
        {
          label: 'custom number field > 10',
          definition: {
            match: 'all',
            conditions: [{ kind: 'customField', fieldId: marketing.fieldId, op: 'gt', value: 10 }],
          },
        },
      ];
      const rolodesk: number[][] = [];
      for (const { definition } of definitions)
        rolodesk.push(await timeRuns(runs, () => call(core, 'segments.count', { definition })));
      const now = new Date();
      const lines = definitions.map(({ definition }) =>
        captureSql(core.db, (db) => segmentsRepo(db).count(definition, now)).join(' '),
      );
      const shell = timeRepeated(
        ctx.rolodeskDb,
        join(ctx.scriptDir, 'segment-counts.sql'),
        lines.map((line, index) => ({ line, guessMs: percentile(rolodesk[index]!, 50) })),
        { setup: ctx.shellSetup, samples: 15, targetBatchMs: 20 },
      );
      const counts = await Promise.all(
        definitions.map(async ({ definition }) => (await call(core, 'segments.count', { definition })).count ?? 0),
      );
      return definitions.flatMap(({ label }, index): Measurement[] => {
        const note = `${formatCount(counts[index]!)} of ${formatCount(ctx.contacts)} contacts match; segments.count through dispatch, ${runs} runs; shell: 15 batches of the same SQL`;
        return [50, 99].map((p) => ({
          operation: `segment count, ${label}, p${p}`,
          rolodeskMs: percentile(rolodesk[index]!, p),
          referenceMs: percentile(shell[index]!, p),
          display: { kind: 'time' },
          note,
        }));
      });
    } finally {
      await marketing.remove();
    }
  },
};
