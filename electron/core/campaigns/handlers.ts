import { format } from 'date-fns';
import type { CoreContext, Handlers } from '../context';
import { confirmOrCancel, countOf } from '../confirm-destructive';
import { writer } from '../db/write';
import { CrmError } from '../errors';
import { segmentFilter } from '../segments/filter';
import { segmentsRepo } from '../segments/repo';
import { addMembersById, addMembersMatching } from './add-members';
import { importReport } from './import-report';
import { campaignGone, campaignsRepo } from './repo';
import { campaignResults } from './results';
import { writeResultsCsv } from './results-csv';
import { memberStatusChanges } from './status-changes';

const notAMember = () =>
  new CrmError('NOT_FOUND', 'This person is no longer a member of the campaign. They may have been removed.');

/** "Spring offer results 2026-12-06.csv", without characters a file name cannot hold. */
const resultsFileName = (name: string, now: Date) =>
  `${
    name
      .replace(/[\\/:*?"<>|\p{Cc}]/gu, ' ')
      .trim()
      .slice(0, 80) || 'Campaign'
  } results ${format(now, 'yyyy-MM-dd')}.csv`;

export function campaignHandlers({ db, clock, desktop, logger }: CoreContext) {
  const repo = campaignsRepo(db);
  const write = writer(db);
  const statuses = memberStatusChanges(db);
  const resultsOf = campaignResults(db);
  const segments = segmentsRepo(db);
  const now = () => clock.now().toISOString();
  const today = () => format(clock.now(), 'yyyy-MM-dd');
  const existing = (campaignId: number) => {
    if (!repo.exists(campaignId)) throw campaignGone();
  };

  return {
    'campaigns.list': () => ({ campaigns: repo.list(today()) }),
    'campaigns.get': ({ id }) => repo.get(id, today()),
    'campaigns.create': write((draft) => repo.create(draft, now(), today())),
    'campaigns.update': write((update) => repo.update(update, now(), today())),
    // Asked in main's native dialog, whoever sent the request: members, their results and unsent emails go for good.
    'campaigns.delete': async ({ id }) => {
      const { name, members, unsent } = repo.holds(id);
      await confirmOrCancel(
        desktop,
        {
          title: 'Delete campaign',
          message: `Delete the campaign “${name}”?`,
          detail: [
            members === 0
              ? 'It has no members.'
              : `${countOf(members, 'member and their result go', 'members and their results go')}. The contacts stay.`,
            unsent === 0
              ? ''
              : `${countOf(unsent, 'email waiting to be sent is', 'emails waiting to be sent are')} not sent.`,
            'This cannot be undone.',
          ]
            .filter(Boolean)
            .join(' '),
          confirmLabel: 'Delete Campaign',
        },
        `The campaign “${name}” was not deleted.`,
      );
      return write(() => repo.delete(id))();
    },
    'campaigns.members': (request) => repo.members(request),
    'campaigns.addMembers': ({ campaignId, contactIds }) =>
      write(() => {
        existing(campaignId);
        return addMembersById(db, campaignId, contactIds, now());
      })(),
    'campaigns.addFromSegment': ({ campaignId, segmentId }) =>
      write(() => {
        existing(campaignId);
        const definition = segments.definitionOf(segmentId);
        if (!definition) throw new CrmError('NOT_FOUND', 'This segment no longer exists. It may have been deleted.');
        const added = addMembersMatching(db, { campaignId, ...segmentFilter(db, definition, clock.now()), at: now() });
        repo.rememberSegment(campaignId, segmentId);
        return added;
      })(),
    'campaigns.removeMembers': write(({ campaignId, contactIds }) => {
      existing(campaignId);
      return { removed: repo.removeMembers(campaignId, contactIds) };
    }),
    'campaigns.setStatus': write(({ campaignId, status, contactIds, withStatus }) => {
      existing(campaignId);
      return statuses.set(campaignId, contactIds ? { contactIds } : { withStatus: withStatus! }, status, now());
    }),
    'campaigns.recordUnsubscribe': write(({ campaignId, contactId }) => {
      existing(campaignId);
      if (!repo.isMember(campaignId, contactId)) throw notAMember();
      return statuses.unsubscribe(campaignId, contactId, 'by_hand', now());
    }),
    'campaigns.importReport': async ({ campaignId }) => {
      existing(campaignId);
      const file = await desktop.chooseImportFile();
      if (file === undefined) return { chosen: false as const };
      existing(campaignId);
      const summary = await importReport(db, campaignId, file, now());
      logger.info('campaign report imported', {
        campaignId,
        rows: summary.rows,
        updated: summary.updated,
        notInCampaign: summary.notInCampaign.count,
      });
      return summary;
    },
    'campaigns.results': ({ campaignId }) => resultsOf(campaignId),
    'campaigns.exportResults': async ({ campaignId }) => {
      const campaign = repo.get(campaignId, today());
      const destination = await desktop.chooseSaveLocation(resultsFileName(campaign.name, clock.now()));
      if (destination === undefined) return { saved: false };
      await writeResultsCsv(destination, campaign.name, resultsOf(campaignId));
      return { saved: true };
    },
  } satisfies Partial<Handlers>;
}
