import type { ActivityKind } from '../../../shared/schemas/activity';
import { previewListLimit, type StayingRecord, type TrashPreview } from '../../../shared/schemas/trash';
import type { Db } from '../db/open';
import { tableOf } from '../records/kinds';
import type { PurgePlan } from './purge-plan';

type Params = { contacts: string; companies: string; deals: string; activities: string };
const links = ['contact', 'company', 'deal'] as const;
type Link = (typeof links)[number];
const nameColumn: Record<Link, string> = { contact: 'name', company: 'name', deal: 'title' };
interface StayingRow {
  name: string;
  in_trash: number;
  contact_id: number | null;
  company_id: number | null;
  deal_id: number | null;
}

const listed = (column: string, name: keyof Params) => `${column} IN (SELECT value FROM json_each(@${name}))`;
const activityName = `coalesce(subject, substr(body, 1, 60))`;

/** Records that stay though linked to what goes: contacts of a company that goes, deals and activities of anything that goes. */
const staying: Record<StayingRecord['kind'], { columns: string; where: string }> = {
  contact: {
    columns: 'name, deleted_at IS NOT NULL AS in_trash, NULL AS contact_id, company_id, NULL AS deal_id',
    where: `${listed('company_id', 'companies')} AND NOT ${listed('id', 'contacts')}`,
  },
  deal: {
    columns: 'title AS name, deleted_at IS NOT NULL AS in_trash, contact_id, company_id, NULL AS deal_id',
    where: `(${listed('contact_id', 'contacts')} OR ${listed('company_id', 'companies')}) AND NOT ${listed('id', 'deals')}`,
  },
  activity: {
    columns: `${activityName} AS name, deleted_at IS NOT NULL AS in_trash, contact_id, company_id, deal_id`,
    where: `(${listed('contact_id', 'contacts')} OR ${listed('company_id', 'companies')} OR ${listed('deal_id', 'deals')}) AND NOT ${listed('id', 'activities')}`,
  },
};
const stayingKinds = ['contact', 'deal', 'activity'] as const;

/**
 * What "Delete forever" would do, in the terms a person checks before
 * agreeing: the records by name, the activities by kind, files and history
 * that go with them, other entries left empty, and what stays but loses a link.
 */
export function purgePreviewer(db: Db) {
  const names = Object.fromEntries(
    links.map((kind) => [
      kind,
      db
        .prepare<[string], string>(
          `SELECT ${nameColumn[kind]} FROM ${tableOf[kind]} WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id LIMIT ${previewListLimit}`,
        )
        .pluck(),
    ]),
  ) as Record<Link, ReturnType<typeof db.prepare<[string], string>>>;
  const linkName = Object.fromEntries(
    links.map((kind) => [
      kind,
      db.prepare<[number], string>(`SELECT ${nameColumn[kind]} FROM ${tableOf[kind]} WHERE id = ?`).pluck(),
    ]),
  ) as Record<Link, ReturnType<typeof db.prepare<[number], string>>>;
  const activityKinds = db.prepare<[string], { kind: ActivityKind; n: number }>(
    'SELECT kind, count(*) AS n FROM activities WHERE id IN (SELECT value FROM json_each(?)) GROUP BY kind',
  );
  const history = db
    .prepare<[Params], number>(
      `SELECT (SELECT count(*) FROM record_history WHERE ${listed('contact_id', 'contacts')})
          + (SELECT count(*) FROM record_history WHERE ${listed('company_id', 'companies')})
          + (SELECT count(*) FROM record_history WHERE ${listed('deal_id', 'deals')})`,
    )
    .pluck();
  const entryLabels = db.prepare<[string], { id: number; label: string }>(
    `SELECT id, label FROM trash WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id LIMIT ${previewListLimit}`,
  );
  const stayingRows = Object.fromEntries(
    stayingKinds.map((kind) => [
      kind,
      db.prepare<[Params], StayingRow>(
        `SELECT ${staying[kind].columns} FROM ${tableOf[kind]} WHERE ${staying[kind].where} ORDER BY id LIMIT ${previewListLimit}`,
      ),
    ]),
  ) as Record<StayingRecord['kind'], ReturnType<typeof db.prepare<[Params], StayingRow>>>;
  const stayingCount = Object.fromEntries(
    stayingKinds.map((kind) => [
      kind,
      db.prepare<[Params], number>(`SELECT count(*) FROM ${tableOf[kind]} WHERE ${staying[kind].where}`).pluck(),
    ]),
  ) as Record<StayingRecord['kind'], ReturnType<typeof db.prepare<[Params], number>>>;

  return {
    preview(trashId: number, plan: PurgePlan): TrashPreview {
      const params: Params = {
        contacts: JSON.stringify(plan.contacts),
        companies: JSON.stringify(plan.companies),
        deals: JSON.stringify(plan.deals),
        activities: JSON.stringify(plan.activities),
      };
      const going: Record<Link, ReadonlySet<number>> = {
        contact: new Set(plan.contacts),
        company: new Set(plan.companies),
        deal: new Set(plan.deals),
      };
      const activities = { note: 0, call: 0, meeting: 0, email: 0, task: 0 };
      for (const { kind, n } of activityKinds.all(params.activities)) activities[kind] = n;

      const stayingItems: StayingRecord[] = [];
      let stayingTotal = 0;
      for (const kind of stayingKinds) {
        stayingTotal += stayingCount[kind].get(params)!;
        for (const row of stayingRows[kind].all(params)) {
          const linked = links.flatMap((link) => {
            const id = row[`${link}_id`];
            return id === null ? [] : [{ name: linkName[link].get(id) ?? '', goes: going[link].has(id) }];
          });
          stayingItems.push({
            kind,
            name: row.name,
            inTrash: row.in_trash === 1,
            keeps: linked.filter((link) => !link.goes).map((link) => link.name),
            loses: linked.filter((link) => link.goes).map((link) => link.name),
          });
        }
      }

      return {
        trashId,
        planKey: plan.key,
        goes: {
          records: [
            ...names.company.all(params.companies).map((name) => ({ kind: 'company' as const, name })),
            ...names.contact.all(params.contacts).map((name) => ({ kind: 'contact' as const, name })),
            ...names.deal.all(params.deals).map((name) => ({ kind: 'deal' as const, name })),
          ].slice(0, previewListLimit),
          counts: { contact: plan.contacts.length, company: plan.companies.length, deal: plan.deals.length },
          activities,
          files: plan.attachments.length,
          historyEntries: history.get(params)!,
          otherEntries: entryLabels.all(JSON.stringify(plan.emptied)),
        },
        stays: { total: stayingTotal, items: stayingItems.slice(0, previewListLimit) },
      };
    },
  };
}
