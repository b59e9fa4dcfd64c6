import type { Db } from '../db/open';
import { contactColumns } from '../contacts/columns';
import { recordBatch, type BatchRun, type NewRecord } from './record-batch';

/** A contact an import creates, its company already found or created. */
export interface NewContact extends NewRecord {
  values: { name: string; email: string; phone: string; notes: string };
  companyId: number | null;
}

/** The columns a batch fills, in the order valuesOf gives them. */
const contactTableColumns = ['name', 'email', 'phone', 'company', 'company_id', 'notes', 'name_key', 'phone_key', 'name_sort', 'company_sort'];

/** New contacts a batch at a time (see recordBatch), their columns as contactsRepo.create stores them. */
export function contactBatch(db: Db, run: BatchRun, written: (id: number, contact: NewContact) => void) {
  const companyName = db.prepare<[number], string>('SELECT name FROM companies WHERE id = ? AND deleted_at IS NULL').pluck();
  return recordBatch<NewContact>(
    db,
    {
      kind: 'contact',
      columns: contactTableColumns,
      valuesOf(contact) {
        // A linked contact carries its company's own name, as contactsRepo.create stores it.
        const company = contact.companyId === null ? '' : companyName.get(contact.companyId)!;
        const row = contactColumns(contact.values, { companyId: contact.companyId, company });
        return [row.name, row.email, row.phone, row.company, row.companyId, row.notes, row.nameKey, row.phoneKey, row.nameSort, row.companySort];
      },
    },
    run,
    written,
  );
}
