import { useCallback, useMemo, useRef, type ReactNode } from 'react';
import type { Trashed } from '../../../../shared/schemas/common';
import { Button } from '../../components/Button';
import type { GridColumn, GridSort } from '../../components/grid/columns';
import { NoMatches } from '../../components/grid/NoMatches';
import { RecordListArea } from '../../components/grid/RecordListArea';
import { Screen } from '../../components/Screen';
import { ScreenHeader } from '../../components/ScreenHeader';
import { useToast } from '../../components/Toast';
import { invoke, toCrmError } from '../../api';
import { noFilters, type FetchPage } from '../../lib/pagedRows';
import { usePanelDeleted } from '../../lib/useMovedToTrash';
import { useRecordList } from '../../lib/useRecordList';
import { useRecordPanel, type PanelState } from '../../lib/useRecordPanel';
import { useRefreshOnChange } from '../../lib/useRefreshOnChange';
import { useSelection } from '../../lib/useSelection';
import { useScreenRequest } from '../../navigation';
import type { Place } from '../../sections';
import { BulkBar, type BulkTarget, countFetcher, rangeFetcher, type ListSelectorOf, selectAllLabel } from '../bulk';
import { useListExport } from '../export';
import { useImport } from '../import';
import { ListToolbar } from './ListToolbar';
import '../../components/ListScreen.css';

/** What a list screen hands its record panel. */
export interface PanelHooks {
  panel: PanelState<never>;
  onSaved: (record: { id: number }, created: boolean) => void;
  onDeleted: (trashed: Trashed | null) => void;
  /** Reloads the list (a new photo shows in its row, say). */
  refresh: () => void;
  onClose: () => void;
}

interface RecordListScreenProps<Row extends { id: number; name: string }, Sort extends string> {
  place: Place;
  title: string;
  target: BulkTarget;
  fetchPage: FetchPage<Row, Sort>;
  /** The list's query as bulk.range and bulk.apply name it. */
  listSelector: ListSelectorOf<Sort>;
  columns: readonly GridColumn<Row, Sort>[];
  initialSort: GridSort<Sort>;
  /** The kind's row class: it sets the column widths. */
  rowClassName: string;
  newLabel: string;
  placeholder: string;
  /** What the search looks in, for the "no matches" hint. */
  searchesIn: string;
  /** Shown before the first record, with the way to make it. */
  empty: (create: () => void) => ReactNode;
  renderPanel: (hooks: PanelHooks) => ReactNode;
}

/**
 * A section that lists one kind of record (Contacts, Companies): New, the
 * toolbar, ticks with the bulk bar, the grid, the record panel, and the
 * requests other screens and the menu send it.
 */
export function RecordListScreen<Row extends { id: number; name: string }, Sort extends string>(
  props: RecordListScreenProps<Row, Sort>,
) {
  const { place, title, target, rowClassName } = props;
  const titleId = `${place}-title`;
  const showToast = useToast();
  const list = useRecordList(props.fetchPage, props.columns, props.initialSort);
  const { pages, snapshot } = list;
  const searchRef = useRef<HTMLInputElement>(null);
  const newButtonRef = useRef<HTMLButtonElement>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  const panel = useRecordPanel(bodyRef, newButtonRef);
  const fetchRange = useMemo(() => rangeFetcher(props.listSelector), [props.listSelector]);
  const fetchCount = useMemo(() => countFetcher(props.listSelector), [props.listSelector]);
  const selection = useSelection(snapshot, fetchRange, fetchCount);
  const { open: openImport } = useImport();
  const {
    buttonRef: exportButtonRef,
    open: openExport,
    dialog: exportDialog,
  } = useListExport(target, props.listSelector, snapshot, selection);
  const singular = target.singular.charAt(0).toUpperCase() + target.singular.slice(1);

  const refresh = useCallback(() => pages.refresh(), [pages]);
  // Contacts show their company, companies count their people: either kind changing can change a row.
  useRefreshOnChange(['contact', 'company'], refresh);
  const onDeleted = usePanelDeleted(panel.dismiss, refresh, selection.forget);
  const onSaved = useCallback(
    (record: { id: number }, created: boolean) => {
      panel.saved(record.id);
      refresh();
      showToast(created ? `${singular} added` : 'Changes saved');
    },
    [panel, refresh, showToast, singular],
  );

  // "Show imported contacts": the list narrowed to the import's tag, whatever search or view was on.
  const showTagged = (tagName: string) => {
    invoke('tags.list', {}).then(
      ({ tags }) => {
        const tag = tags.find((candidate) => candidate.name === tagName);
        if (!tag) return showToast(`No ${target.plural} carry the tag “${tagName}” any more.`, 'problem');
        list.showAll();
        list.setFilters({ ...noFilters, tagIds: [tag.id] });
      },
      (error: unknown) => showToast(toCrmError(error).message, 'problem'),
    );
  };

  // Menu commands (File › New Contact, Edit › Find…), the command palette and links from other screens.
  useScreenRequest(place, (request) => {
    if (request.type === 'new') void panel.openNew();
    else if (request.type === 'open') void panel.open(request.id, 'link');
    else if (request.type === 'tagged') showTagged(request.tagName);
    else if (request.type === 'segment') {
      list.showAll();
      list.setFilters({ ...noFilters, segmentId: request.segmentId });
    } else if (request.type === 'export') openExport();
    else {
      searchRef.current?.focus();
      searchRef.current?.select();
    }
  });

  return (
    <Screen className={`list-screen ${place}`} titleId={titleId}>
      <ScreenHeader titleId={titleId} title={title}>
        <div className="list-screen__actions">
          {(target.kind === 'contact' || target.kind === 'company') && (
            <Button icon="upload" onClick={() => openImport(target.kind === 'contact' ? 'contact' : 'company')}>
              Import…
            </Button>
          )}
          <Button ref={exportButtonRef} icon="download" onClick={openExport}>
            Export…
          </Button>
          <Button ref={newButtonRef} variant="primary" icon="plus" onClick={() => void panel.openNew()}>
            {props.newLabel}
          </Button>
        </div>
      </ScreenHeader>
      <ListToolbar target={target} list={list} searchRef={searchRef} placeholder={props.placeholder} />
      <BulkBar target={target} selection={selection} listSelector={props.listSelector} onChanged={refresh} />
      <div className="list-screen__body" ref={bodyRef}>
        <RecordListArea
          plural={target.plural}
          empty={props.empty(() => void panel.openNew())}
          noMatches={
            <NoMatches
              plural={target.plural}
              search={snapshot.query.search}
              searchesIn={props.searchesIn}
              onClear={list.showAll}
            />
          }
          pages={pages}
          snapshot={snapshot}
          columns={props.columns}
          rowClassName={rowClassName}
          sort={list.sort}
          onSort={list.onSort}
          selectedId={panel.selectedId}
          onOpen={(row, how) => void panel.open(row.id, how)}
          labelledBy={titleId}
          nameOf={(row) => row.name}
          selection={selection}
          selectAllLabel={selectAllLabel(selection, target)}
        />
        {panel.panel &&
          props.renderPanel({ panel: panel.panel, onSaved, onDeleted, refresh, onClose: () => void panel.close() })}
      </div>
      {exportDialog}
    </Screen>
  );
}
