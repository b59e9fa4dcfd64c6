import { useId, useState } from 'react';
import type { DuplicateGroup } from '../../../../shared/schemas/duplicates';
import { invoke, toCrmError } from '../../api';
import { ErrorBanner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useCustomFields } from '../custom-fields/useCustomFields';
import { useTags } from '../tags/useTags';
import { CompareTable } from './CompareTable';
import { PairChooser } from './PairChooser';
import { reasonWords } from './duplicateWords';
import { compareRows, mergeMessage } from './mergePreview';
import type { DuplicateKind, MergeSide } from './mergeSide';
import { useMergeSides } from './useMergeSides';

interface MergeCompareProps {
  kind: DuplicateKind;
  group: DuplicateGroup;
  /** The merge was saved: `kept` now holds everything, `merged` is in the Trash. */
  onMerged(kept: MergeSide, merged: MergeSide): void;
  /** One of the records is gone (merged or deleted elsewhere): the list should be asked again. */
  onStale(): void;
  onSetAside(): void;
}

/** Two look-alike records side by side, which one to keep, what the merge will make of them, and the Merge button. */
export function MergeCompare({ kind, group, onMerged, onStale, onSetAside }: MergeCompareProps) {
  const headingId = useId();
  const [pair, setPair] = useState<[number, number]>([group.records[0]!.id, group.records[1]!.id]);
  const [keep, setKeep] = useState<0 | 1>(0);
  const [confirming, setConfirming] = useState(false);
  const [merging, setMerging] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const load = useMergeSides(kind, pair);
  const { fields } = useCustomFields(kind);
  const { tags } = useTags();

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
      setProblem(error.message);
      if (error.code === 'NOT_FOUND') onStale();
    } finally {
      setMerging(false);
    }
  }

  const names = group.records.length > 2 ? `${group.size} records` : `${group.records[0]!.name} and ${group.records[1]!.name}`;
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
      {load.state === 'failed' && (
        <ErrorBanner title="These records could not be compared" action={load.gone ? <Button onClick={onStale}>Refresh the list</Button> : undefined}>
          {load.message}
        </ErrorBanner>
      )}
      {load.state === 'ready' && (
        <>
          <CompareTable rows={compareRows(kind, load.sides, keep, fields ?? [], tags ?? [])} sides={load.sides} keep={keep} onKeep={setKeep} />
          <div className="merge-compare__actions">
            <Button onClick={onSetAside}>Not a duplicate</Button>
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
