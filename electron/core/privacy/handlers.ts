import { dirname, join } from 'node:path';
import { dayText } from '../../../shared/days';
import { omit } from '../../../shared/omit';
import type { ErasePreview } from '../../../shared/schemas/privacy';
import { storageError } from '../attachments/blob-store';
import type { CoreContext, Handlers } from '../context';
import { CrmError } from '../errors';
import { backupsHolding } from './backups-holding';
import { erasePerson } from './erase';
import { erasePlanner, type ErasePlan } from './erase-plan';
import { erasureLog } from './erasures';
import { personReader } from './person-data';
import { writePersonArchive } from './person-archive';

const plural = (count: number, one: string, many = `${one}s`) =>
  `${count.toLocaleString('en')} ${count === 1 ? one : many}`;

/** The native confirmation's list: what goes, what stays, and the backups. */
function confirmationDetail(plan: ErasePlan, backupsNote: string): string {
  const { goes, stays } = plan;
  const lines = [
    `Goes for good: their contact record, ${plural(goes.activities, 'activity', 'activities')}, ${plural(goes.historyEntries, 'history entry', 'history entries')}, ` +
      `${plural(goes.campaignMemberships, 'campaign membership')}, ${plural(goes.messages, 'message')}, ${plural(goes.files, 'file')} only they used.`,
    `Stays: ${stays.company ? `their company (${stays.company}), ` : ''}${plural(stays.deals, 'deal')} (without the link to them), ` +
      `${plural(stays.sharedActivities, 'activity', 'activities')} filed under a company or deal too, ${plural(stays.sharedFiles, 'file')} other records also use.`,
    'It skips the trash: there is no undo.',
    backupsNote,
  ];
  return lines.join('\n\n');
}

/**
 * People's rights: "Export everything about this person" (one archive) and
 * "Erase this person for good" (a preview, then a native confirmation main
 * shows, then one transaction). The erase asks the desktop itself: a request
 * from a compromised page alone never erases anyone.
 */
export function privacyHandlers({ db, store, desktop, clock, logger, appVersion, databaseFile }: CoreContext) {
  const reader = personReader(db);
  const planner = erasePlanner(db);
  const dataRoot = dirname(databaseFile);
  // Where backups go unless the user chose another folder (paths.ts: <data dir>/backups).
  const holding = () => backupsHolding(dataRoot, join(dataRoot, 'backups'), clock.now());
  const erasures = erasureLog(db);

  async function preview(contactId: number): Promise<ErasePreview & { plan: ErasePlan }> {
    const plan = planner.plan(contactId);
    return { ...omit(plan, 'person', 'files'), backups: await holding(), plan };
  }

  return {
    'privacy.exportPerson': async ({ contactId }) => {
      const data = reader.read(contactId);
      const sections = data.sections;
      const counts = {
        activities: sections.activities.rows.length,
        historyEntries: sections.history.rows.length,
        campaigns: sections.campaignMemberships.rows.length,
        messages: sections.messages.rows.length,
        files: data.files.length,
      };
      const now = clock.now();
      const destination = await desktop.chooseSaveLocation(
        // eslint-disable-next-line no-control-regex -- control characters are among what a file name must not hold
        `${data.contact.name.replace(/[<>:"/\\|?*\u0000-\u001f]/g, '_')} – personal data ${dayText(now)}.zip`,
      );
      if (destination === undefined) return { saved: false, counts };
      try {
        await writePersonArchive(data, store, destination, now, appVersion);
      } catch (error) {
        throw storageError(error, 'write the archive', 'that folder');
      }
      // No name in the log: it outlives an erase.
      logger.info('a person’s data was exported', counts);
      return { saved: true, counts };
    },
    'privacy.erasePreview': async ({ contactId }) => {
      return omit(await preview(contactId), 'plan');
    },
    'privacy.erase': async ({ contactId, planKey }) => {
      const { plan, backups } = await preview(contactId);
      if (plan.planKey !== planKey) {
        throw new CrmError(
          'CONFLICT',
          'Something about this person changed since you looked (a note, a deal or a file). Nothing was erased: look at what would go again first.',
        );
      }
      const confirmed = await desktop.confirmDestructive({
        title: `Erase ${plan.name} for good?`,
        message: `Everything Rolodesk holds about ${plan.name} is removed now, without going to the trash. This cannot be undone.`,
        detail: confirmationDetail(plan, backups.note),
        confirmLabel: 'Erase for good',
      });
      if (!confirmed) throw new CrmError('CANCELLED', 'Nothing was erased: the erase was not confirmed.');
      const now = clock.now();
      await erasePerson(db, databaseFile, store, logger, contactId, planKey, now);
      return { erased: true as const, erasedOn: dayText(now), backups };
    },
    'privacy.erasures': () => ({
      entries: erasures.recent(),
    }),
  } satisfies Partial<Handlers>;
}
