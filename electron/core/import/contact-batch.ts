import type { Db } from '../db/open';
import { contactColumns } from '../contacts/columns';
import { blankToNull } from '../records/problems';
import { recordBatch, type BatchRun, type NewRecord } from './record-batch';

/** A contact an import creates, its company already found or created. */
export interface NewContact extends NewRecord {
  values: { name: string; email: string; phone: string; notes: string };
  companyId: number | null;
  /** Lead source (the list's spelling) and UTM fields, '' when blank. */
  marketing: MarketingColumns;
  /** The consent the file gives, set after the record is written (through the consent writer); absent: not asked. */
  consent?: string | undefined;
}

export interface MarketingColumns {
  leadSource: string;
  utmSource: string;
  utmMedium: string;
  utmCampaign: string;
}

/** A new record's lead source and UTM columns, blanks as NULL: contacts and companies alike. */
export const marketingColumns = (marketing: MarketingColumns) => ({
  leadSource: blankToNull(marketing.leadSource),
  utmSource: blankToNull(marketing.utmSource),
  utmMedium: blankToNull(marketing.utmMedium),
  utmCampaign: blankToNull(marketing.utmCampaign),
});

/** Which table column takes each lead source and UTM field. */
export const marketingTableColumns = [
  ['lead_source', 'leadSource'],
  ['utm_source', 'utmSource'],
  ['utm_medium', 'utmMedium'],
  ['utm_campaign', 'utmCampaign'],
] as const;

/** Which contacts column takes each stored field. */
const contactTableColumns = [
  ['name', 'name'],
  ['email', 'email'],
  ['phone', 'phone'],
  ['company', 'company'],
  ['company_id', 'companyId'],
  ['notes', 'notes'],
  ['name_key', 'nameKey'],
  ['phone_key', 'phoneKey'],
  ['name_sort', 'nameSort'],
  ['company_sort', 'companySort'],
  ...marketingTableColumns,
] as const;

/** New contacts a batch at a time (see recordBatch), their columns as contactsRepo.create stores them. */
export function contactBatch(db: Db, run: BatchRun, written: (id: number, contact: NewContact) => void) {
  const companyName = db
    .prepare<[number], string>('SELECT name FROM companies WHERE id = ? AND deleted_at IS NULL')
    .pluck();
  return recordBatch(
    db,
    {
      kind: 'contact',
      storedOf(contact: NewContact) {
        // A linked contact carries its company's own name, as contactsRepo.create stores it.
        const company = contact.companyId === null ? '' : companyName.get(contact.companyId)!;
        return {
          ...contactColumns(contact.values, { companyId: contact.companyId, company }),
          ...marketingColumns(contact.marketing),
        };
      },
      columns: contactTableColumns,
    },
    run,
    written,
  );
}
