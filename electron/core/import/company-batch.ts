import type { CompanyValues } from '../companies/repo';
import { companyColumns } from '../companies/columns';
import type { Db } from '../db/open';
import { recordBatch, type BatchRun, type NewRecord } from './record-batch';

/** A company an import creates. */
export interface NewCompany extends NewRecord {
  values: CompanyValues;
}

/** The columns a batch fills, in the order valuesOf gives them. */
const companyTableColumns = ['name', 'website', 'phone', 'address', 'industry', 'notes', 'name_key', 'phone_key', 'name_sort'];

/** New companies a batch at a time (see recordBatch), their columns as companiesRepo.create stores them. */
export function companyBatch(db: Db, run: BatchRun, written: (id: number, company: NewCompany) => void) {
  return recordBatch<NewCompany>(
    db,
    {
      kind: 'company',
      columns: companyTableColumns,
      valuesOf(company) {
        const row = companyColumns(company.values);
        return [row.name, row.website, row.phone, row.address, row.industry, row.notes, row.nameKey, row.phoneKey, row.nameSort];
      },
    },
    run,
    written,
  );
}
