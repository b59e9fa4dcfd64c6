import type { CompanySortKey } from '../../../../shared/schemas/company';
import { invoke } from '../../api';
import { listRequest, pageRequest, type ListQuery } from '../../lib/pagedRows';
import { NoRecordsYet, RecordListScreen } from '../views';
import { companyColumns } from './companyColumns';
import { CompanyPanel } from './CompanyPanel';

const fetchCompanies = (query: ListQuery<CompanySortKey>, offset: number, limit: number) =>
  invoke('companies.list', pageRequest(query, offset, limit));
const listSelector = (query: ListQuery<CompanySortKey>) => ({ kind: 'company' as const, query: listRequest(query) });

/** The Companies section: New company, search, filters and views; the list; the company panel. */
export function CompaniesScreen() {
  return (
    <RecordListScreen
      place="companies"
      title="Companies"
      target={{ kind: 'company', singular: 'company', plural: 'companies' }}
      fetchPage={fetchCompanies}
      listSelector={listSelector}
      columns={companyColumns}
      initialSort={{ key: 'name', direction: 'asc' }}
      rowClassName="company-row"
      newLabel="New company"
      placeholder="Search name, industry, website…"
      searchesIn="a name, an industry or a website"
      empty={(create) => <NoRecordsYet kind="company" onCreate={create} />}
      renderPanel={({ panel, onSaved, onDeleted, onClose }) => (
        <CompanyPanel
          key={panel.session}
          companyId={panel.recordId}
          focusName={panel.focusName}
          onSaved={onSaved}
          onDeleted={onDeleted}
          onClose={onClose}
        />
      )}
    />
  );
}
