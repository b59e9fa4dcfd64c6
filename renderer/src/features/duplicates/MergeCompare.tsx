import { useEffect, useEffectEvent, useId, useState } from 'react';
import type { DuplicateGroup } from '../../../../shared/schemas/duplicates';
import { invoke, toCrmError } from '../../api';
import { ErrorBanner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useCustomFields } from '../../lib/useCustomFields';
import { useTags } from '../tags';
import { CompareTable } from './CompareTable';
import { PairChooser } from './PairChooser';
import { goneWords, reasonWords } from './duplicateWords';
import { readRecord } from './loadSide';
import { compareRows, mergeMessage } from './mergePreview';
import type { DuplicateKind, MergeSide } from './mergeSide';
import { useMergeSides } from './useMergeSides';

interface MergeCompareProps {
  kind: DuplicateKind;
  group: DuplicateGroup;
  /** The merge was saved: `kept` now holds everything, `merged` is in the Trash. */
  onMerged: (kept: MergeSide, merged: MergeSide) => void;
  /**
   * An action failed: when because a record was gone meanwhile (deleted or
   * merged elsewhere), the screen says `words`, reloads and returns true.
   */
  onGone: (error: unknown, words: string) => boolean;
  onSetAside: () => void;
}

/** Two look-alike records side by side, which one to keep, what the merge will make of them, and the Merge button. */
export function MergeCompare({ kind, group, onMerged, onGone, onSetAside }: MergeCompareProps) {
  const headingId = useId();
  const [pair, setPair] = useState<[number, number]>([group.records[0]!.id, group.records[1]!.id]);
  const [keep, setKeep] = useState<0 | 1>(0);
  const [confirming, setConfirming] = useState(false);
  const [merging, setMerging] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const load = useMergeSides(kind, pair);
  const { fields } = useCustomFields(kind);
  const { tags } = useTags();
  const nameOf = (id: number) => group.records.find((record) => record.id === id)?.name ?? 'One of the two records';
  const failedId = load.state === 'failed' ? load.failedId : null;
  const loadError = load.state === 'failed' ? load.error : null;
  // The screen says that one in its own words, not this banner.
  const goneMeanwhile = loadError !== null && toCrmError(loadError).code === 'NOT_FOUND';

  // A record gone since the list was read: said once per failed read, at the screen, which reloads the list.
  // (onGone is new each render; only a new failure reports again.)
  const reportGone = useEffectEvent((id: number, error: unknown) => {
    onGone(error, goneWords(nameOf(id), 'there is nothing to compare'));
  });
  useEffect(() => {
    if (failedId !== null) reportGone(failedId, loadError);
  }, [failedId, loadError]);

  async function merge(kept: MergeSide, merged: MergeSide) {
    setMerging(true);
    setProblem(null);
    try {
      await invoke('duplicates.merge', { kind, keepId: kept.id, mergeId: merged.id });
      setConfirming(false);
      onMerged(kept, merged);
    } catch (thrown) {
      const error = toCrmError(thrown);
      setConfirming(false);
      const goneSide = error.fields.some((issue) => issue.field === 'keepId') ? kept : merged;
      if (!onGone(error, goneWords(goneSide.name, 'nothing was merged'))) setProblem(error.message);
    } finally {
      setMerging(false);
    }
  }

  /** "Not a duplicate" hides the group for now; first a check that both records are still there. */
  async function setAside() {
    for (const id of pair) {
      try {
        await readRecord(kind, id);
      } catch (thrown) {
        if (!onGone(thrown, goneWords(nameOf(id), 'there was nothing to set aside')))
          setProblem(toCrmError(thrown).message);
        return;
      }
    }
    onSetAside();
  }

  const names =
    group.records.length > 2 ? `${group.size} records` : `${group.records[0]!.name} and ${group.records[1]!.name}`;
  return (
    <section className="merge-compare" aria-labelledby={headingId}>
      <header className="merge-compare__header">
        <h2 id={headingId} className="merge-compare__title">
          {names}
        </h2>
        <span className="duplicate-reason">{reasonWords(kind, group.reason)}</span>
      </header>
      {group.records.length > 2 && <PairChooser records={group.records} pair={pair} onChange={setPair} />}
      {problem && <ErrorBanner title="Not merged">{problem}</ErrorBanner>}
      {load.state === 'loading' && <p className="merge-compare__note">Loading both records…</p>}
      {load.state === 'failed' && !goneMeanwhile && (
        <ErrorBanner title="These records could not be compared">{load.message}</ErrorBanner>
      )}
      {load.state === 'ready' && (
        <>
          <CompareTable
            rows={compareRows(kind, load.sides, keep, fields ?? [], tags ?? [])}
            sides={load.sides}
            keep={keep}
            onKeep={setKeep}
          />
          <div className="merge-compare__actions">
            <Button onClick={() => void setAside()}>Not a duplicate</Button>
            <Button variant="primary" icon="merge" onClick={() => setConfirming(true)}>
              Merge into “{load.sides[keep].name}”
            </Button>
          </div>
          {confirming && (
            <ConfirmDialog
              title={`Merge “${load.sides[keep === 0 ? 1 : 0].name}” into “${load.sides[keep].name}”?`}
              message={mergeMessage(load.sides[keep], load.sides[keep === 0 ? 1 : 0])}
              confirmLabel="Merge"
              tone="safe"
              busy={merging}
              onConfirm={() => void merge(load.sides[keep], load.sides[keep === 0 ? 1 : 0])}
              onCancel={() => setConfirming(false)}
            />
          )}
        </>
      )}
    </section>
  );
}
