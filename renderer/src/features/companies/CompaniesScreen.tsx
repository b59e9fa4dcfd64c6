import { useCallback, useEffect, useRef, useState } from 'react';
import type { Trashed } from '../../../../shared/schemas/common';
import type { Company, CompanySortKey, CompanySummary } from '../../../../shared/schemas/company';
import { invoke, toCrmError } from '../../api';
import { ErrorBanner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { Screen } from '../../components/Screen';
import { ScreenHeader } from '../../components/ScreenHeader';
import { useToast } from '../../components/Toast';
import { countOf } from '../../lib/format';
import { useDebouncedValue } from '../../lib/useDebouncedValue';
import { useScreenRequest } from '../../navigation';
import { SearchBox } from '../contacts/SearchBox';
import { NoCompaniesYet, NoCompanyMatches } from './CompaniesEmpty';
import { companyColumns } from './companyColumns';
import { CompanyList } from './CompanyList';
import { CompanyPanel } from './CompanyPanel';
import { useCompanyPages } from './useCompanyPages';
import '../contacts/ContactsScreen.css';

interface PanelState {
  session: number;
  companyId: number | null;
  focusName: boolean;
}

const searchDelay = 120;

/** The Companies section: header with New company, search and count; the list; the company panel. */
export function CompaniesScreen() {
  const showToast = useToast();
  const [searchText, setSearchText] = useState('');
  const search = useDebouncedValue(searchText.trim(), searchDelay);
  const [sort, setSort] = useState<{ key: CompanySortKey; direction: 'asc' | 'desc' }>({ key: 'name', direction: 'asc' });
  const [pages, snapshot] = useCompanyPages({ sort: 'name', direction: 'asc', search: '' });
  const [panel, setPanel] = useState<PanelState | null>(null);
  const [selectedId, setSelectedId] = useState<number | null>(null);

  const searchRef = useRef<HTMLInputElement>(null);
  const newButtonRef = useRef<HTMLButtonElement>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  const nextSession = useRef(1);
  const returnFocus = useRef<HTMLElement | null>(null);
  const focusAfterClose = useRef(false);

  useEffect(() => {
    pages.setQuery({ sort: sort.key, direction: sort.direction, search });
  }, [pages, sort, search]);

  const rememberFocus = () => {
    if (document.activeElement instanceof HTMLElement && !document.activeElement.closest('.contact-panel')) {
      returnFocus.current = document.activeElement;
    }
  };

  const openNew = useCallback(() => {
    rememberFocus();
    setSelectedId(null);
    setPanel({ session: nextSession.current++, companyId: null, focusName: true });
  }, []);

  const openCompany = useCallback((company: CompanySummary, how: 'pointer' | 'keyboard') => {
    rememberFocus();
    setSelectedId(company.id);
    setPanel((current) =>
      current?.companyId === company.id ? current : { session: nextSession.current++, companyId: company.id, focusName: how === 'keyboard' },
    );
  }, []);

  useScreenRequest('companies', (request) => {
    if (request.type === 'new') openNew();
    else if (request.type === 'open') {
      rememberFocus();
      setSelectedId(request.id);
      setPanel({ session: nextSession.current++, companyId: request.id, focusName: false });
    } else {
      searchRef.current?.focus();
      searchRef.current?.select();
    }
  });

  const closePanel = useCallback(() => {
    focusAfterClose.current = true;
    setPanel(null);
    setSelectedId(null);
  }, []);

  useEffect(() => {
    if (panel !== null || !focusAfterClose.current) return;
    focusAfterClose.current = false;
    const target = returnFocus.current?.isConnected
      ? returnFocus.current
      : (bodyRef.current?.querySelector<HTMLElement>('[role="row"][tabindex="0"]') ?? newButtonRef.current);
    target?.focus();
  }, [panel]);

  const onSaved = useCallback(
    (company: Company, created: boolean) => {
      setSelectedId(company.id);
      setPanel((current) => current && { ...current, companyId: company.id });
      pages.refresh();
      showToast(created ? 'Company added' : 'Changes saved');
    },
    [pages, showToast],
  );

  const onDeleted = useCallback(
    (_company: Company, trashed: Trashed) => {
      closePanel();
      pages.refresh();
      showToast('Moved to the trash', 'done', {
        label: 'Undo',
        onAction: () => {
          invoke('trash.restore', { trashId: trashed.trashId }).then(
            () => {
              pages.refresh();
              showToast('Restored');
            },
            (error: unknown) => showToast(toCrmError(error).message, 'problem'),
          );
        },
      });
    },
    [closePanel, pages, showToast],
  );

  const onSort = (key: CompanySortKey) => {
    setSort((current) =>
      current.key === key
        ? { key, direction: current.direction === 'asc' ? 'desc' : 'asc' }
        : { key, direction: companyColumns.find((column) => column.key === key)?.firstDirection ?? 'asc' },
    );
  };

  const { total, query } = snapshot;
  const searching = query.search !== '';
  const countLabel = total === null || (total === 0 && !searching) ? '' : searching ? countOf(total, 'match', 'matches') : countOf(total, 'company', 'companies');

  let content;
  if (total === null && snapshot.error) {
    content = (
      <ErrorBanner title="Companies could not be loaded" action={<Button onClick={() => pages.refresh()}>Try again</Button>}>
        {snapshot.error.message}
      </ErrorBanner>
    );
  } else if (total === 0 && !searching) {
    content = <NoCompaniesYet onCreate={openNew} />;
  } else if (total === 0) {
    content = <NoCompanyMatches search={query.search} onClear={() => setSearchText('')} />;
  } else {
    content = (
      <>
        {snapshot.error && (
          <ErrorBanner title="Some companies could not be loaded" action={<Button onClick={() => pages.refresh()}>Try again</Button>}>
            {snapshot.error.message}
          </ErrorBanner>
        )}
        <CompanyList
          pages={pages}
          snapshot={snapshot}
          sort={sort}
          onSort={onSort}
          selectedId={selectedId}
          onOpen={openCompany}
          labelledBy="companies-title"
        />
      </>
    );
  }

  return (
    <Screen className="contacts companies" titleId="companies-title">
      <ScreenHeader titleId="companies-title" title="Companies">
        <Button ref={newButtonRef} variant="primary" icon="plus" onClick={openNew}>
          New company
        </Button>
      </ScreenHeader>
      <div className="contacts__toolbar">
        <SearchBox
          value={searchText}
          onChange={setSearchText}
          inputRef={searchRef}
          busy={snapshot.updating && searchText.trim() !== ''}
          placeholder="Search name, industry, website…"
        />
        <p className="contacts__count" aria-live="polite">
          {countLabel}
        </p>
      </div>
      <div className="contacts__body" ref={bodyRef}>
        <div className="contact-list">{content}</div>
        {panel && (
          <CompanyPanel
            key={panel.session}
            companyId={panel.companyId}
            focusName={panel.focusName}
            onSaved={onSaved}
            onDeleted={onDeleted}
            onClose={closePanel}
          />
        )}
      </div>
    </Screen>
  );
}
