import { useState } from 'react';
import type { RecordKind } from '../../../../shared/schemas/record';
import type { TrashEntry } from '../../../../shared/schemas/trash';
import { invoke, toCrmError } from '../../api';
import { ErrorBanner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { GoneMeanwhileNotice } from '../../components/GoneMeanwhileNotice';
import { Screen } from '../../components/Screen';
import { ScreenHeader } from '../../components/ScreenHeader';
import { useToast } from '../../components/Toast';
import { countOf } from '../../lib/format';
import { placeOfRecord } from '../../lib/placeOfRecord';
import { useGoneMeanwhile } from '../../lib/useGoneMeanwhile';
import { useNavigation } from '../../navigation';
import { DeleteForeverDialog } from './DeleteForeverDialog';
import { KindFilter } from './KindFilter';
import { TrashEmpty } from './TrashEmpty';
import { TrashItem } from './TrashItem';
import { useFocusAfterListChange } from './useFocusAfterListChange';
import { useTrashPages } from './useTrashPages';
import { restoredWords } from './trashWords';
import './TrashScreen.css';

const goneWords = (entry: TrashEntry, nothingWas: 'restored' | 'deleted') =>
  `“${entry.label}” is no longer in the trash (it was restored or deleted for good meanwhile), so nothing was ${nothingWas}.`;

/**
 * The trash: every delete of the last 30 days, newest first. Restore brings
 * a delete back whole, with its links; Delete forever shows what goes first.
 */
export function TrashScreen() {
  const [kind, setKind] = useState<RecordKind | undefined>(undefined);
  const pages = useTrashPages(kind);
  const { listRef, focusRowAfterChange } = useFocusAfterListChange(pages.entries);
  const { go } = useNavigation();
  const showToast = useToast();
  const [busyId, setBusyId] = useState<number | null>(null);
  const [confirming, setConfirming] = useState<TrashEntry | null>(null);
  const gone = useGoneMeanwhile(pages.reload);

  /** Takes the entry off the list at once; the others are asked again, as a restore or purge can change what they hold. */
  function forgetAndMoveFocus(trashId: number) {
    focusRowAfterChange(pages.entries?.findIndex((entry) => entry.id === trashId) ?? 0);
    pages.forget(trashId);
    pages.reload();
  }

  function restore(entry: TrashEntry) {
    setBusyId(entry.id);
    gone.dismiss();
    invoke('trash.restore', { trashId: entry.id })
      .then(
        (restored) => {
          const { record } = restored;
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
          showToast(restoredWords(entry, restored), 'done', open ?? undefined);
        },
        (error: unknown) => {
          if (!gone.report(error, goneWords(entry, 'restored'))) {
            showToast(toCrmError(error).message, 'problem');
            pages.reload();
          }
        },
      )
      .finally(() => setBusyId(null));
  }

  function askDeleteForever(entry: TrashEntry) {
    gone.dismiss();
    setConfirming(entry);
  }

  function deletedForever(entry: TrashEntry) {
    setConfirming(null);
    forgetAndMoveFocus(entry.id);
    showToast(`Deleted “${entry.label}” for good`);
  }

  function goneWhileAsking(entry: TrashEntry, error: unknown): boolean {
    const handled = gone.report(error, goneWords(entry, 'deleted'));
    if (handled) setConfirming(null);
    return handled;
  }

  const { entries, total } = pages;
  return (
    <Screen className="trash" titleId="trash-title">
      <ScreenHeader titleId="trash-title" title="Trash">
        {entries && entries.length > 0 && (
          <span className="trash__count">{countOf(total, 'item', 'items')} · each kept 30 days</span>
        )}
      </ScreenHeader>
      <GoneMeanwhileNotice notice={gone.notice} onDismiss={gone.dismiss} />
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
              <TrashItem
                key={entry.id}
                entry={entry}
                busy={busyId === entry.id}
                onRestore={restore}
                onDeleteForever={askDeleteForever}
              />
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
        <DeleteForeverDialog
          key={confirming.id}
          entry={confirming}
          onDeleted={() => deletedForever(confirming)}
          onGone={(error) => goneWhileAsking(confirming, error)}
          onChangedMeanwhile={pages.reload}
          onCancel={() => setConfirming(null)}
        />
      )}
    </Screen>
  );
}
