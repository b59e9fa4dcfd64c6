import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Trashed } from '../../../../shared/schemas/common';
import type { Deal, DealSortKey, DealSummary } from '../../../../shared/schemas/deal';
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
import { dealColumns } from './dealColumns';
import { DealList } from './DealList';
import { DealPanel, type DealPrefill } from './DealPanel';
import { NoDealMatches, NoDealsYet } from './DealsEmpty';
import { linkedPrefill } from './linkedPrefill';
import { PipelineBoard } from './PipelineBoard';
import { StageEditor } from './StageEditor';
import { StageTotals } from './StageTotals';
import { useDealBoard } from './useDealBoard';
import { useDealPages } from './useDealPages';
import { ViewToggle, type DealView } from './ViewToggle';
import '../contacts/ContactsScreen.css';
import './DealsScreen.css';

interface PanelState {
  session: number;
  dealId: number | null;
  prefill: DealPrefill;
  focusTitle: boolean;
}

const searchDelay = 120;
const viewKey = 'rolodesk.deals.view';

function storedView(): DealView {
  return window.localStorage.getItem(viewKey) === 'list' ? 'list' : 'board';
}

/** The Deals section: the pipeline as a board or a sortable list, the deal panel, and the stage editor. */
export function DealsScreen() {
  const showToast = useToast();
  const [view, setView] = useState<DealView>(storedView);
  const { board, error: boardError, reload: reloadBoard, move: moveOnBoard } = useDealBoard();
  const [searchText, setSearchText] = useState('');
  const search = useDebouncedValue(searchText.trim(), searchDelay);
  const [sort, setSort] = useState<{ key: DealSortKey; direction: 'asc' | 'desc' }>({ key: 'stage', direction: 'asc' });
  const [pages, snapshot] = useDealPages({ sort: 'stage', direction: 'asc', search: '' });
  const [panel, setPanel] = useState<PanelState | null>(null);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [editingStages, setEditingStages] = useState(false);

  const searchRef = useRef<HTMLInputElement>(null);
  const newButtonRef = useRef<HTMLButtonElement>(null);
  const focusSearch = useRef(false);
  const nextSession = useRef(1);
  const returnFocus = useRef<HTMLElement | null>(null);
  const focusAfterClose = useRef(false);

  const stages = useMemo(() => board?.columns.map((column) => column.stage) ?? [], [board]);
  const dealCounts = useMemo(() => new Map(board?.columns.map((column) => [column.stage.id, column.count]) ?? []), [board]);

  useEffect(() => {
    pages.setQuery({ sort: sort.key, direction: sort.direction, search });
  }, [pages, sort, search]);

  const chooseView = (next: DealView) => {
    setView(next);
    window.localStorage.setItem(viewKey, next);
  };

  useEffect(() => {
    if (view !== 'list' || !focusSearch.current) return;
    focusSearch.current = false;
    searchRef.current?.focus();
    searchRef.current?.select();
  }, [view]);

  const refreshAll = useCallback(() => {
    reloadBoard();
    pages.refresh();
  }, [reloadBoard, pages]);

  const rememberFocus = () => {
    if (document.activeElement instanceof HTMLElement && !document.activeElement.closest('.deal-panel')) {
      returnFocus.current = document.activeElement;
    }
  };

  const openNew = useCallback((prefill: DealPrefill = {}) => {
    rememberFocus();
    setSelectedId(null);
    setPanel({ session: nextSession.current++, dealId: null, prefill, focusTitle: true });
  }, []);

  const openDeal = useCallback((deal: Pick<DealSummary, 'id'>, how: 'pointer' | 'keyboard') => {
    rememberFocus();
    setSelectedId(deal.id);
    setPanel((current) => (current?.dealId === deal.id ? current : { session: nextSession.current++, dealId: deal.id, prefill: {}, focusTitle: how === 'keyboard' }));
  }, []);

  useScreenRequest('deals', (request) => {
    if (request.type === 'open') openDeal(request, 'pointer');
    else if (request.type === 'new') {
      linkedPrefill(request.linkedTo).then(openNew, (error: unknown) => {
        showToast(toCrmError(error).message, 'problem');
        openNew();
      });
    } else {
      focusSearch.current = true;
      if (view === 'list') {
        searchRef.current?.focus();
        searchRef.current?.select();
      } else chooseView('list');
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
    const target = returnFocus.current?.isConnected ? returnFocus.current : newButtonRef.current;
    target?.focus();
  }, [panel]);

  const onSaved = useCallback(
    (deal: Deal, created: boolean) => {
      setSelectedId(deal.id);
      setPanel((current) => current && { ...current, dealId: deal.id });
      refreshAll();
      showToast(created ? 'Deal added' : 'Changes saved');
    },
    [refreshAll, showToast],
  );

  const onDeleted = useCallback(
    (_deal: Deal, trashed: Trashed) => {
      closePanel();
      refreshAll();
      showToast('Moved to the trash', 'done', {
        label: 'Undo',
        onAction: () => {
          invoke('trash.restore', { trashId: trashed.trashId }).then(
            () => {
              refreshAll();
              showToast('Restored');
            },
            (error: unknown) => showToast(toCrmError(error).message, 'problem'),
          );
        },
      });
    },
    [closePanel, refreshAll, showToast],
  );

  const onMove = useCallback(
    async (deal: DealSummary, stageId: number, index: number) => {
      const error = await moveOnBoard(deal, stageId, index);
      pages.refresh();
      return error;
    },
    [moveOnBoard, pages],
  );

  const onSort = (key: DealSortKey) => {
    setSort((current) =>
      current.key === key
        ? { key, direction: current.direction === 'asc' ? 'desc' : 'asc' }
        : { key, direction: dealColumns.find((column) => column.key === key)?.firstDirection ?? 'asc' },
    );
  };

  const { total, query } = snapshot;
  const searching = query.search !== '';
  const countLabel = total === null || (total === 0 && !searching) ? '' : searching ? countOf(total, 'match', 'matches') : countOf(total, 'deal', 'deals');

  let content;
  if (view === 'board') {
    content = board ? (
      <PipelineBoard board={board} selectedId={selectedId} onMove={onMove} onOpen={openDeal} />
    ) : boardError ? (
      <ErrorBanner title="The pipeline could not be loaded" action={<Button onClick={reloadBoard}>Try again</Button>}>
        {boardError.message}
      </ErrorBanner>
    ) : null;
  } else if (total === null && snapshot.error) {
    content = (
      <ErrorBanner title="Deals could not be loaded" action={<Button onClick={() => pages.refresh()}>Try again</Button>}>
        {snapshot.error.message}
      </ErrorBanner>
    );
  } else if (total === 0 && !searching) {
    content = <NoDealsYet onCreate={() => openNew()} />;
  } else if (total === 0) {
    content = <NoDealMatches search={query.search} onClear={() => setSearchText('')} />;
  } else {
    content = (
      <>
        {snapshot.error && (
          <ErrorBanner title="Some deals could not be loaded" action={<Button onClick={() => pages.refresh()}>Try again</Button>}>
            {snapshot.error.message}
          </ErrorBanner>
        )}
        <DealList pages={pages} snapshot={snapshot} sort={sort} onSort={onSort} selectedId={selectedId} onOpen={openDeal} labelledBy="deals-title" />
      </>
    );
  }

  return (
    <Screen className="contacts deals" titleId="deals-title">
      <ScreenHeader titleId="deals-title" title="Deals" className="deals__header">
        <div className="deals__actions">
          <ViewToggle view={view} onChange={chooseView} />
          <Button icon="sliders" onClick={() => setEditingStages(true)} disabled={!board}>
            Edit stages
          </Button>
          <Button ref={newButtonRef} variant="primary" icon="plus" onClick={() => openNew()}>
            New deal
          </Button>
        </div>
      </ScreenHeader>
      {view === 'list' && (
        <>
          <div className="contacts__toolbar">
            <SearchBox value={searchText} onChange={setSearchText} inputRef={searchRef} busy={snapshot.updating && searchText.trim() !== ''} placeholder="Search deals, companies, people…" />
            <p className="contacts__count" aria-live="polite">
              {countLabel}
            </p>
          </div>
          {board && <StageTotals board={board} />}
        </>
      )}
      <div className="contacts__body deals__body">
        <div className={view === 'list' ? 'contact-list' : 'deals__board'}>{content}</div>
        {panel && (
          <DealPanel
            key={panel.session}
            dealId={panel.dealId}
            prefill={panel.prefill}
            stages={stages}
            focusTitle={panel.focusTitle}
            onSaved={onSaved}
            onDeleted={onDeleted}
            onClose={closePanel}
          />
        )}
      </div>
      {editingStages && <StageEditor stages={stages} dealCounts={dealCounts} onChanged={refreshAll} onClose={() => setEditingStages(false)} />}
    </Screen>
  );
}
