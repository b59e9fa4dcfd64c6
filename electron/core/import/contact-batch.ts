import type { Db } from '../db/open';
import { contactColumns } from '../contacts/columns';
import { recordBatch, type BatchRun, type NewRecord } from './record-batch';

/** A contact an import creates, its company already found or created. */
export interface NewContact extends NewRecord {
  values: { name: string; email: string; phone: string; notes: string };
  companyId: number | null;
}

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
] as const;

/** New contacts a batch at a time (see recordBatch), their columns as contactsRepo.create stores them. */
export function contactBatch(db: Db, run: BatchRun, written: (id: number, contact: NewContact) => void) {
  const companyName = db.prepare<[number], string>('SELECT name FROM companies WHERE id = ? AND deleted_at IS NULL').pluck();
  return recordBatch(
    db,
    {
      kind: 'contact',
      storedOf(contact: NewContact) {
        // A linked contact carries its company's own name, as contactsRepo.create stores it.
        const company = contact.companyId === null ? '' : companyName.get(contact.companyId)!;
        return contactColumns(contact.values, { companyId: contact.companyId, company });
      },
      columns: contactTableColumns,
    },
    run,
    written,
  );
}
