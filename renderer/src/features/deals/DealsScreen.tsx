import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Deal, DealSortKey, DealSummary } from '../../../../shared/schemas/deal';
import { invoke, toCrmError } from '../../api';
import { ErrorBanner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { NoMatches } from '../../components/grid/NoMatches';
import { RecordListArea } from '../../components/grid/RecordListArea';
import { Screen } from '../../components/Screen';
import { ScreenHeader } from '../../components/ScreenHeader';
import { useToast } from '../../components/Toast';
import { listRequest, pageRequest, type ListQuery } from '../../lib/pagedRows';
import { usePanelDeleted } from '../../lib/useMovedToTrash';
import { useRecordList } from '../../lib/useRecordList';
import { useRecordPanel } from '../../lib/useRecordPanel';
import { useRefreshOnChange } from '../../lib/useRefreshOnChange';
import { useSelection } from '../../lib/useSelection';
import { useScreenRequest } from '../../navigation';
import { BulkBar, type BulkTarget, countFetcher, rangeFetcher, selectAllLabel } from '../bulk';
import { useListExport } from '../export';
import { ListToolbar, NoRecordsYet } from '../views';
import { dealColumns, dealRowHeight } from './dealColumns';
import { DealPanel, type DealPrefill } from './DealPanel';
import { linkedPrefill } from './linkedPrefill';
import { PipelineBoard } from './PipelineBoard';
import { StageEditor } from './StageEditor';
import { StageTotals } from './StageTotals';
import { useDealBoard } from './useDealBoard';
import { ViewToggle, type DealView } from './ViewToggle';
import '../../components/ListScreen.css';
import './DealsScreen.css';

const viewKey = 'rolodesk.deals.view';
const bulkTarget: BulkTarget = { kind: 'deal', singular: 'deal', plural: 'deals' };

function storedView(): DealView {
  return window.localStorage.getItem(viewKey) === 'list' ? 'list' : 'board';
}

const fetchDeals = (query: ListQuery<DealSortKey>, offset: number, limit: number) =>
  invoke('deals.list', pageRequest(query, offset, limit));
const listSelector = (query: ListQuery<DealSortKey>) => ({ kind: 'deal' as const, query: listRequest(query) });
const fetchRange = rangeFetcher(listSelector);
const fetchCount = countFetcher(listSelector);

/** The Deals section: the pipeline as a board or a sortable list, the deal panel, and the stage editor. */
export function DealsScreen() {
  const showToast = useToast();
  const [view, setView] = useState<DealView>(storedView);
  const { board, error: boardError, reload: reloadBoard, move: moveOnBoard } = useDealBoard();
  const list = useRecordList(fetchDeals, dealColumns, { key: 'stage', direction: 'asc' });
  const { pages, snapshot } = list;
  const [editingStages, setEditingStages] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);
  const newButtonRef = useRef<HTMLButtonElement>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  const focusSearch = useRef(false);
  const panel = useRecordPanel<DealPrefill>(bodyRef, newButtonRef);
  const selection = useSelection(snapshot, fetchRange, fetchCount);
  const {
    buttonRef: exportButtonRef,
    open: openExport,
    dialog: exportDialog,
  } = useListExport(bulkTarget, listSelector, snapshot, selection);

  const stages = useMemo(() => board?.columns.map((column) => column.stage) ?? [], [board]);
  const dealCounts = useMemo(
    () => new Map(board?.columns.map((column) => [column.stage.id, column.count]) ?? []),
    [board],
  );

  const chooseView = (next: DealView) => {
    setView(next);
    window.localStorage.setItem(viewKey, next);
  };

  // The export writes the list, so the list is what the user sees behind the dialog.
  const exportList = () => {
    if (view !== 'list') chooseView('list');
    openExport();
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
  // Deals show their company's and contact's names: a change to any of them can change a card or a row.
  useRefreshOnChange(['deal', 'company', 'contact'], refreshAll);

  useScreenRequest('deals', (request) => {
    if (request.type === 'open') void panel.open(request.id, 'link');
    else if (request.type === 'new') {
      linkedPrefill(request.linkedTo).then(panel.openNew, (error: unknown) => {
        showToast(toCrmError(error).message, 'problem');
        void panel.openNew();
      });
    } else if (request.type === 'search') {
      focusSearch.current = true;
      if (view === 'list') {
        searchRef.current?.focus();
        searchRef.current?.select();
      } else chooseView('list');
    } else if (request.type === 'export') exportList();
  });

  const onSaved = useCallback(
    (deal: Deal, created: boolean) => {
      panel.saved(deal.id);
      refreshAll();
      showToast(created ? 'Deal added' : 'Changes saved');
    },
    [panel, refreshAll, showToast],
  );

  const onDeleted = usePanelDeleted(panel.dismiss, refreshAll, selection.forget);

  const onMove = useCallback(
    async (deal: DealSummary, stageId: number, index: number) => {
      const error = await moveOnBoard(deal, stageId, index);
      pages.refresh();
      return error;
    },
    [moveOnBoard, pages],
  );

  const { query } = snapshot;

  let content;
  if (view === 'board') {
    content = (
      <div className="deals__board">
        {board ? (
          <PipelineBoard
            board={board}
            selectedId={panel.selectedId}
            onMove={onMove}
            onOpen={(deal, how) => void panel.open(deal.id, how)}
          />
        ) : (
          boardError && (
            <ErrorBanner
              title="The pipeline could not be loaded"
              action={<Button onClick={reloadBoard}>Try again</Button>}
            >
              {boardError.message}
            </ErrorBanner>
          )
        )}
      </div>
    );
  } else {
    content = (
      <RecordListArea
        plural="deals"
        empty={<NoRecordsYet kind="deal" onCreate={() => void panel.openNew()} />}
        noMatches={
          <NoMatches
            plural="deals"
            search={query.search}
            searchesIn="a title, a company or a person"
            onClear={list.showAll}
          />
        }
        pages={pages}
        snapshot={snapshot}
        columns={dealColumns}
        rowClassName="deal-row"
        rowHeight={dealRowHeight}
        sort={list.sort}
        onSort={list.onSort}
        selectedId={panel.selectedId}
        onOpen={(deal: DealSummary, how) => void panel.open(deal.id, how)}
        labelledBy="deals-title"
        nameOf={(deal) => deal.title}
        selection={selection}
        selectAllLabel={selectAllLabel(selection, bulkTarget)}
      />
    );
  }

  return (
    <Screen className="list-screen deals" titleId="deals-title">
      <ScreenHeader titleId="deals-title" title="Deals" className="deals__header">
        <div className="deals__actions">
          <ViewToggle view={view} onChange={chooseView} />
          <Button icon="sliders" onClick={() => setEditingStages(true)} disabled={!board}>
            Edit stages
          </Button>
          <Button ref={exportButtonRef} icon="download" onClick={exportList}>
            Export…
          </Button>
          <Button ref={newButtonRef} variant="primary" icon="plus" onClick={() => void panel.openNew()}>
            New deal
          </Button>
        </div>
      </ScreenHeader>
      {view === 'list' && (
        <>
          <ListToolbar
            target={bulkTarget}
            list={list}
            searchRef={searchRef}
            placeholder="Search deals, companies, people…"
          />
          {board && <StageTotals board={board} />}
          <BulkBar target={bulkTarget} selection={selection} listSelector={listSelector} onChanged={refreshAll} />
        </>
      )}
      <div className="list-screen__body deals__body" ref={bodyRef}>
        {content}
        {panel.panel && (
          <DealPanel
            key={panel.panel.session}
            dealId={panel.panel.recordId}
            prefill={panel.panel.prefill ?? {}}
            stages={stages}
            focusTitle={panel.panel.focusName}
            onSaved={onSaved}
            onDeleted={onDeleted}
            onClose={() => void panel.close()}
          />
        )}
      </div>
      {exportDialog}
      {editingStages && (
        <StageEditor
          stages={stages}
          dealCounts={dealCounts}
          onChanged={refreshAll}
          onClose={() => setEditingStages(false)}
        />
      )}
    </Screen>
  );
}
