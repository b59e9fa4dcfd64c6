import { useState } from 'react';
import type { RecordKind } from '../../../../shared/schemas/record';
import type { TrashEntry } from '../../../../shared/schemas/trash';
import { invoke, toCrmError } from '../../api';
import { ErrorBanner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Screen } from '../../components/Screen';
import { ScreenHeader } from '../../components/ScreenHeader';
import { useToast } from '../../components/Toast';
import { countOf } from '../../lib/format';
import { useNavigation } from '../../navigation';
import { placeOfRecord } from '../../lib/placeOfRecord';
import { KindFilter } from './KindFilter';
import { TrashEmpty } from './TrashEmpty';
import { TrashItem } from './TrashItem';
import { useFocusAfterListChange } from './useFocusAfterListChange';
import { useTrashPages } from './useTrashPages';
import { wentWith } from './trashWords';
import './TrashScreen.css';

/** What deleting an entry for good takes with it, in plain words. */
function deleteForeverMessage(entry: TrashEntry): string {
  const others = wentWith(entry);
  const what = others ? `“${entry.label}” and the ${others} deleted with it` : `“${entry.label}”`;
  return `${what} will be gone for good, with their notes, files and history. This cannot be undone.`;
}

/**
 * The trash: every delete of the last 30 days, newest first. Restore brings
 * a delete back whole, with its links; Delete forever asks first.
 */
export function TrashScreen() {
  const [kind, setKind] = useState<RecordKind | undefined>(undefined);
  const pages = useTrashPages(kind);
  const { listRef, focusRowAfterChange } = useFocusAfterListChange(pages.entries);
  const { go } = useNavigation();
  const showToast = useToast();
  const [busyId, setBusyId] = useState<number | null>(null);
  const [confirming, setConfirming] = useState<TrashEntry | null>(null);

  function forgetAndMoveFocus(trashId: number) {
    focusRowAfterChange(pages.entries?.findIndex((entry) => entry.id === trashId) ?? 0);
    pages.forget(trashId);
  }

  function failed(error: unknown) {
    showToast(toCrmError(error).message, 'problem');
    // The entry may have been restored or purged meanwhile: show the trash as it is.
    pages.reload();
  }

  function restore(entry: TrashEntry) {
    setBusyId(entry.id);
    invoke('trash.restore', { trashId: entry.id })
      .then(({ record }) => {
        forgetAndMoveFocus(entry.id);
        const open = record && {
          label: 'Open',
          onAction: () => {
            placeOfRecord(record).then(
              (target) => target && go(target.place, { type: 'open', id: target.id }),
              (error: unknown) => showToast(toCrmError(error).message, 'problem'),
            );
          },
        };
        showToast(`Restored “${entry.label}”`, 'done', open ?? undefined);
      }, failed)
      .finally(() => setBusyId(null));
  }

  function deleteForever(entry: TrashEntry) {
    setBusyId(entry.id);
    invoke('trash.deleteForever', { trashId: entry.id })
      .then(() => {
        setConfirming(null);
        forgetAndMoveFocus(entry.id);
        showToast(`Deleted “${entry.label}” for good`);
      }, (error: unknown) => {
        setConfirming(null);
        failed(error);
      })
      .finally(() => setBusyId(null));
  }

  const { entries, total } = pages;
  return (
    <Screen className="trash" titleId="trash-title">
      <ScreenHeader titleId="trash-title" title="Trash">
        {entries && entries.length > 0 && <span className="trash__count">{countOf(total, 'item', 'items')} · each kept 30 days</span>}
      </ScreenHeader>
      {pages.error && (
        <ErrorBanner title="The trash could not be shown" action={<Button onClick={pages.reload}>Try again</Button>}>
          {pages.error}
        </ErrorBanner>
      )}
      {(kind !== undefined || total > 0) && <KindFilter kind={kind} onChange={setKind} />}
      {entries && entries.length === 0 && <TrashEmpty kind={kind} />}
      {entries && entries.length > 0 && (
        <div className="trash__card">
          <ul ref={listRef} className="trash__list" aria-label="Deleted items">
            {entries.map((entry) => (
              <TrashItem key={entry.id} entry={entry} busy={busyId === entry.id} onRestore={restore} onDeleteForever={setConfirming} />
            ))}
          </ul>
          {entries.length < total && (
            <div className="trash__more">
              <Button
                onClick={() => {
                  // The first new row takes the focus from this button, which may go once all are shown.
                  focusRowAfterChange(entries.length);
                  pages.showMore();
                }}
                disabled={pages.loadingMore}
              >
                Show more ({countOf(total - entries.length, 'more item', 'more items')})
              </Button>
            </div>
          )}
        </div>
      )}
      {confirming && (
        <ConfirmDialog
          title={`Delete “${confirming.label}” forever?`}
          message={deleteForeverMessage(confirming)}
          confirmLabel="Delete forever"
          busy={busyId === confirming.id}
          onConfirm={() => deleteForever(confirming)}
          onCancel={() => setConfirming(null)}
        />
      )}
    </Screen>
  );
}
