import type { CompanyValues } from '../companies/repo';
import { companyColumns } from '../companies/columns';
import type { Db } from '../db/open';
import { marketingColumns, marketingTableColumns, type MarketingColumns } from './contact-batch';
import { recordBatch, type BatchRun, type NewRecord } from './record-batch';

/** A company an import creates. */
export interface NewCompany extends NewRecord {
  values: CompanyValues;
  marketing: MarketingColumns;
}

/** Which companies column takes each stored field. */
const companyTableColumns = [
  ['name', 'name'],
  ['website', 'website'],
  ['phone', 'phone'],
  ['address', 'address'],
  ['industry', 'industry'],
  ['notes', 'notes'],
  ['name_key', 'nameKey'],
  ['phone_key', 'phoneKey'],
  ['name_sort', 'nameSort'],
  ...marketingTableColumns,
] as const;

/** New companies a batch at a time (see recordBatch), their columns as companiesRepo.create stores them. */
export function companyBatch(db: Db, run: BatchRun, written: (id: number, company: NewCompany) => void) {
  return recordBatch(
    db,
    {
      kind: 'company',
      storedOf: (company: NewCompany) => ({
        ...companyColumns(company.values),
        ...marketingColumns(company.marketing),
      }),
      columns: companyTableColumns,
    },
    run,
    written,
  );
}
