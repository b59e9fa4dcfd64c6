import { addCalendarDays, dayText, startOfDay } from '../../../shared/days';
import { ActivityDraft } from '../../../shared/schemas/activity';
import { CompanyDraft } from '../../../shared/schemas/company';
import { ContactDraft } from '../../../shared/schemas/contact';
import { DealDraft } from '../../../shared/schemas/deal';
import { activityHandlers } from '../activities/handlers';
import { companyHandlers } from '../companies/handlers';
import { contactHandlers } from '../contacts/handlers';
import type { CoreContext } from '../context';
import { dealHandlers } from '../deals/handlers';
import { leadSourcesRepo } from '../lead-sources/repo';
import { tagHandlers } from '../tags/handlers';
import { sampleMarks } from './marks';
import type { SampleSet } from './sample-set';

const dayMs = 24 * 60 * 60 * 1000;
// Tasks fall due in the late afternoon, so one due today is still "due today" for most of it.
const dueHour = 17;

function dueOn(today: Date, days: number): string {
  const due = addCalendarDays(today, days);
  due.setHours(dueHour);
  return due.toISOString();
}

function keyed(ids: Map<string, number>, key: string | undefined, what: string): number | null {
  if (key === undefined) return null;
  const id = ids.get(key);
  if (id === undefined) throw new Error(`the sample data names a ${what} “${key}” it does not have`);
  return id;
}

/**
 * Adds the sample set through the same handlers a user's own records go
 * through (so search, timelines, the board totals and the Dashboard see them),
 * marking each record, all in one transaction: a failure half-way leaves
 * nothing behind. Does nothing when sample data is already there.
 */
export function addSampleData(context: CoreContext, set: SampleSet): void {
  const { db, clock } = context;
  const marks = sampleMarks(db);
  const contacts = contactHandlers(context);
  const companies = companyHandlers(context);
  const deals = dealHandlers(context);
  const activities = activityHandlers(context);
  const tags = tagHandlers(context);

  db.transaction(() => {
    if (marks.present()) return;
    const now = clock.now();
    const ids = {
      tag: new Map<string, number>(),
      company: new Map<string, number>(),
      contact: new Map<string, number>(),
      deal: new Map<string, number>(),
    };
    const tagIds = (keys: readonly string[] = []) => keys.map((key) => keyed(ids.tag, key, 'tag')!);

    const existingTags = new Map(tags['tags.list']().tags.map((tag) => [tag.name.toLocaleLowerCase(), tag.id]));
    for (const { key, name, color } of set.tags) {
      // A tag of the user's own with that name is used as it is, and stays theirs.
      const existing = existingTags.get(name.toLocaleLowerCase());
      if (existing !== undefined) {
        ids.tag.set(key, existing);
        continue;
      }
      const tag = tags['tags.create']({ name, color });
      marks.mark('tag', tag.id);
      ids.tag.set(key, tag.id);
    }
    for (const company of set.companies) {
      const created = companies['companies.create'](
        CompanyDraft.parse({ ...company.draft, tagIds: tagIds(company.tags) }),
      );
      marks.mark('company', created.id);
      ids.company.set(company.key, created.id);
    }
    // A lead source the user has removed from their list is left out, not put back.
    const leadSources = new Set(
      leadSourcesRepo(db)
        .list()
        .map((source) => source.name.toLocaleLowerCase()),
    );
    for (const contact of set.contacts) {
      const { leadSource, ...typed } = contact.draft;
      const known = leadSource !== undefined && leadSources.has(leadSource.toLocaleLowerCase()) ? { leadSource } : {};
      const draft = ContactDraft.parse({
        ...typed,
        ...known,
        companyId: keyed(ids.company, contact.company, 'company') ?? undefined,
        tagIds: tagIds(contact.tags),
      });
      const created = contacts['contacts.create'](draft);
      marks.mark('contact', created.id);
      ids.contact.set(contact.key, created.id);
    }
    const stages = deals['stages.list']().stages;
    const open = stages.filter((stage) => stage.kind === 'open');
    const stageOf = (stage: number | 'won' | 'lost') =>
      (typeof stage === 'number' ? open[Math.min(stage, open.length - 1)] : stages.find((each) => each.kind === stage))
        ?.id;
    for (const deal of set.deals) {
      const created = deals['deals.create'](
        DealDraft.parse({
          ...deal.draft,
          companyId: keyed(ids.company, deal.company, 'company'),
          contactId: keyed(ids.contact, deal.contact, 'contact'),
          stageId: stageOf(deal.stage),
          expectedCloseDate: deal.closesInDays === undefined ? null : dayText(addCalendarDays(now, deal.closesInDays)),
        }),
      );
      marks.mark('deal', created.id);
      ids.deal.set(deal.key, created.id);
    }
    const today = startOfDay(now);
    for (const activity of set.activities) {
      const created = activities['activities.create'](
        ActivityDraft.parse({
          kind: activity.kind,
          subject: activity.subject,
          body: activity.body ?? '',
          occurredAt: new Date(now.getTime() - (activity.daysAgo ?? 0) * dayMs).toISOString(),
          dueAt: activity.dueInDays === undefined ? null : dueOn(today, activity.dueInDays),
          contactId: keyed(ids.contact, activity.contact, 'contact'),
          companyId: keyed(ids.company, activity.company, 'company'),
          dealId: keyed(ids.deal, activity.deal, 'deal'),
        }),
      );
      marks.mark('activity', created.id);
    }
  })();
}
