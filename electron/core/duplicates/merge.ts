import type { ConsentStatus } from '../../../shared/schemas/marketing';
import type { Db } from '../db/open';
import { companiesRepo } from '../companies/repo';
import { contactsRepo } from '../contacts/repo';
import { writer } from '../db/write';
import { historyRepo } from '../records/history';
import { gone } from '../records/problems';
import { trashRepo } from '../trash/repo';

const joinNotes = (kept: string, merged: string) =>
  kept === '' ? merged : merged === '' || merged === kept ? kept : `${kept}\n\n${merged}`;
const orKept = (kept: string, merged: string) => (kept === '' ? merged : kept);

/** From most to least strict: the merged person takes the stricter of the two statuses. */
const strictness: readonly ConsentStatus[] = ['do_not_contact', 'unsubscribed', 'subscribed', 'not_asked'];
const stricterConsent = (kept: ConsentStatus, merged: ConsentStatus): ConsentStatus =>
  strictness.indexOf(merged) < strictness.indexOf(kept) ? merged : kept;

/**
 * Merges one contact (or company) into another: blank fields are filled
 * from the other, and every activity, attachment, tag, deal, custom value
 * and history entry of the merged record moves to the kept one. The merged
 * record goes to the trash, with "merged into …" in its history; its entry
 * names the kept record, as a restore brings back the merged one alone.
 */
export function merger(db: Db) {
  const write = writer(db);
  const contacts = contactsRepo(db);
  const companies = companiesRepo(db);
  const history = historyRepo(db);
  const trash = trashRepo(db);
  const moves = {
    contact: [
      'UPDATE activities SET contact_id = @keep WHERE contact_id = @merge',
      'UPDATE attachments SET contact_id = @keep WHERE contact_id = @merge',
      'UPDATE deals SET contact_id = @keep WHERE contact_id = @merge',
      'UPDATE record_history SET contact_id = @keep WHERE contact_id = @merge',
      'INSERT INTO contact_tags (contact_id, tag_id) SELECT @keep, tag_id FROM contact_tags WHERE contact_id = @merge ON CONFLICT DO NOTHING',
      'INSERT INTO contact_custom_values (contact_id, field_id, value) SELECT @keep, field_id, value FROM contact_custom_values WHERE contact_id = @merge ON CONFLICT DO NOTHING',
      `UPDATE contacts SET photo_sha256 = (SELECT photo_sha256 FROM contacts WHERE id = @merge) WHERE id = @keep AND photo_sha256 IS NULL`,
    ].map((sql) => db.prepare<[{ keep: number; merge: number }]>(sql)),
    company: [
      'UPDATE activities SET company_id = @keep WHERE company_id = @merge',
      'UPDATE attachments SET company_id = @keep WHERE company_id = @merge',
      'UPDATE deals SET company_id = @keep WHERE company_id = @merge',
      'UPDATE contacts SET company_id = @keep, company = (SELECT name FROM companies WHERE id = @keep), company_sort = (SELECT name_sort FROM companies WHERE id = @keep) WHERE company_id = @merge',
      'UPDATE record_history SET company_id = @keep WHERE company_id = @merge',
      'INSERT INTO company_tags (company_id, tag_id) SELECT @keep, tag_id FROM company_tags WHERE company_id = @merge ON CONFLICT DO NOTHING',
      'INSERT INTO company_custom_values (company_id, field_id, value) SELECT @keep, field_id, value FROM company_custom_values WHERE company_id = @merge ON CONFLICT DO NOTHING',
    ].map((sql) => db.prepare<[{ keep: number; merge: number }]>(sql)),
  };

  return {
    merge: write(
      (kind: 'contact' | 'company', keep: number, merge: number, now: string): { id: number; trashId: number } => {
        let mergedName: string;
        let keptName: string;
        if (kind === 'contact') {
          const kept = contacts.values(keep);
          if (!kept) throw gone('keepId', 'That contact no longer exists. It may have been deleted.');
          const merged = contacts.values(merge);
          if (!merged) throw gone('mergeId', 'That contact no longer exists. It may have been deleted.');
          // The kept contact's company stays; only one without any company takes the other's.
          const takeCompany = kept.company === '' && kept.companyId === null;
          contacts.update(
            keep,
            {
              name: kept.name,
              email: orKept(kept.email, merged.email),
              phone: orKept(kept.phone, merged.phone),
              company: takeCompany ? merged.company : kept.company,
              companyId: takeCompany ? merged.companyId : kept.companyId,
              notes: joinNotes(kept.notes, merged.notes),
              leadSource: orKept(kept.leadSource, merged.leadSource),
              utmSource: orKept(kept.utmSource, merged.utmSource),
              utmMedium: orKept(kept.utmMedium, merged.utmMedium),
              utmCampaign: orKept(kept.utmCampaign, merged.utmCampaign),
              // Whoever asked not to be contacted, as either record, is not contacted as the merged one.
              consent: stricterConsent(kept.consent, merged.consent),
            },
            now,
          );
          [mergedName, keptName] = [merged.name, kept.name];
        } else {
          const kept = companies.values(keep);
          if (!kept) throw gone('keepId', 'That company no longer exists. It may have been deleted.');
          const merged = companies.values(merge);
          if (!merged) throw gone('mergeId', 'That company no longer exists. It may have been deleted.');
          companies.update(
            keep,
            {
              website: orKept(kept.website, merged.website),
              phone: orKept(kept.phone, merged.phone),
              address: orKept(kept.address, merged.address),
              industry: orKept(kept.industry, merged.industry),
              notes: joinNotes(kept.notes, merged.notes),
              leadSource: orKept(kept.leadSource, merged.leadSource),
              utmSource: orKept(kept.utmSource, merged.utmSource),
              utmMedium: orKept(kept.utmMedium, merged.utmMedium),
              utmCampaign: orKept(kept.utmCampaign, merged.utmCampaign),
            },
            now,
          );
          [mergedName, keptName] = [merged.name, kept.name];
        }
        for (const move of moves[kind]) move.run({ keep, merge });
        history.add(
          { kind, id: keep },
          [{ action: 'merged', field: '', oldValue: mergedName, newValue: keptName }],
          now,
        );
        history.add(
          { kind, id: merge },
          [{ action: 'merged', field: '', oldValue: mergedName, newValue: keptName }],
          now,
        );
        const { trashId } = trash.moveToTrash(
          {
            kind,
            label: `${mergedName} (merged into ${keptName})`,
            records: { [kind]: [merge] },
            mergedInto: { id: keep, name: keptName },
          },
          now,
        );
        return { id: keep, trashId };
      },
    ),
  };
}
