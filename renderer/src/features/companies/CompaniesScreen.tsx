import { useCallback, useRef } from 'react';
import type { Company, CompanySortKey, CompanySummary } from '../../../../shared/schemas/company';
import { invoke } from '../../api';
import { Button } from '../../components/Button';
import { NoMatches } from '../../components/grid/NoMatches';
import { RecordListArea } from '../../components/grid/RecordListArea';
import { Screen } from '../../components/Screen';
import { ScreenHeader } from '../../components/ScreenHeader';
import { useToast } from '../../components/Toast';
import { pageRequest, type ListQuery } from '../../lib/pagedRows';
import { usePanelDeleted } from '../../lib/useMovedToTrash';
import { useRecordList } from '../../lib/useRecordList';
import { useRecordPanel } from '../../lib/useRecordPanel';
import { useSelection } from '../../lib/useSelection';
import { useScreenRequest } from '../../navigation';
import { BulkBar, type BulkTarget } from '../bulk/BulkBar';
import { ListToolbar } from '../views/ListToolbar';
import { NoCompaniesYet } from './CompaniesEmpty';
import { companyColumns } from './companyColumns';
import { CompanyPanel } from './CompanyPanel';
import '../contacts/ContactsScreen.css';

const bulkTarget: BulkTarget = { kind: 'company', singular: 'company', plural: 'companies' };

const fetchCompanies = (query: ListQuery<CompanySortKey>, offset: number, limit: number) => invoke('companies.list', pageRequest(query, offset, limit));

/** The Companies section: header with New company, search and count; the list; the company panel. */
export function CompaniesScreen() {
  const showToast = useToast();
  const list = useRecordList(fetchCompanies, companyColumns, { key: 'name', direction: 'asc' });
  const { pages, snapshot } = list;
  const searchRef = useRef<HTMLInputElement>(null);
  const newButtonRef = useRef<HTMLButtonElement>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  const panel = useRecordPanel(bodyRef, newButtonRef);
  const selection = useSelection();

  useScreenRequest('companies', (request) => {
    if (request.type === 'new') panel.openNew();
    else if (request.type === 'open') panel.open(request.id, 'link');
    else {
      searchRef.current?.focus();
      searchRef.current?.select();
    }
  });

  const onSaved = useCallback(
    (company: Company, created: boolean) => {
      panel.saved(company.id);
      pages.refresh();
      showToast(created ? 'Company added' : 'Changes saved');
    },
    [panel, pages, showToast],
  );

  const refresh = useCallback(() => pages.refresh(), [pages]);
  const onDeleted = usePanelDeleted(panel.close, refresh);

  const { query } = snapshot;

  return (
    <Screen className="contacts companies" titleId="companies-title">
      <ScreenHeader titleId="companies-title" title="Companies">
        <Button ref={newButtonRef} variant="primary" icon="plus" onClick={() => panel.openNew()}>
          New company
        </Button>
      </ScreenHeader>
      <ListToolbar target={bulkTarget} list={list} searchRef={searchRef} placeholder="Search name, industry, website…" />
      <BulkBar target={bulkTarget} selection={selection} onChanged={refresh} />
      <div className="contacts__body" ref={bodyRef}>
        <RecordListArea
          plural="companies"
          empty={<NoCompaniesYet onCreate={() => panel.openNew()} />}
          noMatches={<NoMatches plural="companies" search={query.search} searchesIn="a name, an industry or a website" onClear={list.showAll} />}
          pages={pages}
          snapshot={snapshot}
          columns={companyColumns}
          rowClassName="company-row"
          sort={list.sort}
          onSort={list.onSort}
          selectedId={panel.selectedId}
          onOpen={(company: CompanySummary, how) => panel.open(company.id, how)}
          labelledBy="companies-title"
          nameOf={(company) => company.name}
          selection={selection}
        />
        {panel.panel && (
          <CompanyPanel
            key={panel.panel.session}
            companyId={panel.panel.recordId}
            focusName={panel.panel.focusName}
            onSaved={onSaved}
            onDeleted={onDeleted}
            onClose={panel.close}
          />
        )}
      </div>
    </Screen>
  );
}
