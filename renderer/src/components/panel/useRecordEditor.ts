import { useEffect, useRef, useState } from 'react';
import type { FieldedKind } from '../../../../shared/schemas/record';
import { toCrmError } from '../../api';
import { customFormValuesOf, type CustomValuesDraft } from '../../lib/customValues';
import { useCustomFieldForm, type StoredCustomValues } from '../../lib/useCustomFieldForm';
import { onRecordChange } from '../../lib/recordChanges';
import { useRecordForm, type FormRules } from '../../lib/useRecordForm';
import { mergeReview, reviewRows, type FieldDescriptions, type FormSnapshot, type Keep } from './reviewRows';
import { useLatest } from '../../lib/useLatest';

export type PanelLoad = { state: 'loading' } | { state: 'ready' } | { state: 'failed'; message: string };

/** What every editable record carries: its number, its version and its custom values. */
export interface EditableRecord {
  id: number;
  version: number;
  custom: StoredCustomValues;
}

interface RecordEditorOptions<R extends EditableRecord, Values, Field extends string, Input> {
  kind: FieldedKind;
  /** The record the panel was opened for; null for a new one. Read once: the panel is remounted for another. */
  openedId: number | null;
  fetch: (id: number) => Promise<R>;
  valuesOf: (record: R) => Values;
  /** What a new record's form starts with. */
  emptyValues: () => Values;
  sameValues: (a: Values, b: Values) => boolean;
  /** The form's fields by name, for the review of a conflict. */
  describe: FieldDescriptions<Values>;
  rules: FormRules<Values, Field, Input>;
  idPrefix: string;
  /** Creates the record (`current` null) or updates it from the version `current` holds. */
  persist: (input: Input & { custom: CustomValuesDraft }, current: R | null) => Promise<R>;
  onSaved: (saved: R, created: boolean) => void;
}

/**
 * A record panel's form, kept honest about the record behind it: it loads the
 * record, follows every change made to it anywhere (records.changed), and
 * saves from the version it was filled from. A change elsewhere refreshes an
 * untouched form; with typing in it, the typing stays and the panel says the
 * record changed. A save the core refuses as stale (CONFLICT) opens a review,
 * field by field, of the user's version beside the one saved meanwhile.
 */
export function useRecordEditor<R extends EditableRecord, Values, Field extends string, Input>(
  options: RecordEditorOptions<R, Values, Field, Input>,
) {
  const { kind, openedId, fetch, valuesOf, emptyValues, sameValues, describe } = options;
  const [record, setRecordState] = useState<R | null>(null);
  const recordRef = useRef<R | null>(null);
  const [load, setLoad] = useState<PanelLoad>(openedId === null ? { state: 'ready' } : { state: 'loading' });
  // The record as saved now, when it changed elsewhere while the form holds typing.
  const [newer, setNewer] = useState<R | null>(null);
  const [gone, setGone] = useState(false);
  const [reviewing, setReviewing] = useState(false);
  // Set when a review is applied: a flag for the next effect, not state, since nothing renders from it.
  const saveAfterReview = useRef(false);
  // Bumped whenever the record shown changes, so the timeline below shows what just happened.
  const [changes, setChanges] = useState(0);

  const custom = useCustomFieldForm(kind);
  const form = useRecordForm({
    rules: options.rules,
    initial: emptyValues,
    idPrefix: options.idPrefix,
    custom,
    persist: (input) => options.persist(input, recordRef.current),
    onSaved: (saved) => {
      const created = recordRef.current === null;
      show(saved);
      options.onSaved(saved, created);
    },
  });

  const setRecord = (next: R) => {
    recordRef.current = next;
    setRecordState(next);
  };

  /** The form now shows `next` as it is: values, custom values, no pending change. */
  function show(next: R) {
    setRecord(next);
    form.setValues(valuesOf(next));
    custom.reset(next.custom);
    setNewer(null);
    setGone(false);
    setChanges((count) => count + 1);
  }

  const formOf = (source: R): FormSnapshot<Values> => ({
    values: valuesOf(source),
    custom: custom.fields ? customFormValuesOf(custom.fields, source.custom) : {},
  });
  const yours: FormSnapshot<Values> = { values: form.values, custom: custom.values };
  const baseline = record ? valuesOf(record) : emptyValues();
  const dirty = !sameValues(form.values, baseline) || custom.dirty;

  /** A newer version of the record arrived: take it in without losing a keystroke. */
  function receive(latest: R) {
    const current = recordRef.current;
    if (!current || latest.version <= current.version) return;
    if (!dirty) return show(latest);
    // Only what the form does not hold changed (a tag, the photo): the typing stays on the newer version.
    if (JSON.stringify(formOf(current)) === JSON.stringify(formOf(latest))) {
      setRecord(latest);
      setChanges((count) => count + 1);
      return;
    }
    setNewer(latest);
  }
  const receiveRef = useLatest(receive);
  const fetchRef = useLatest(fetch);

  useEffect(() => {
    if (openedId === null) return;
    let current = true;
    fetch(openedId).then(
      (found) => {
        if (!current) return;
        show(found);
        setLoad({ state: 'ready' });
      },
      (error: unknown) => current && setLoad({ state: 'failed', message: toCrmError(error).message }),
    );
    return () => {
      current = false;
    };
    // Once per panel: the panel is remounted for another record, so fetch and show are the first render's.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- a re-run would refetch and wipe the typing
  }, [openedId]);

  const id = record?.id ?? null;
  useEffect(() => {
    if (id === null) return;
    let latestAsk = 0;
    const stop = onRecordChange(kind, id, () => {
      const ask = ++latestAsk;
      fetchRef.current(id).then(
        (latest) => ask === latestAsk && receiveRef.current(latest),
        (error: unknown) => ask === latestAsk && toCrmError(error).code === 'NOT_FOUND' && setGone(true),
      );
    });
    return () => {
      latestAsk = -1;
      stop();
    };
  }, [kind, id, fetchRef, receiveRef]);

  /** Saves; false when nothing was saved (a problem beside a field, or a review of a change made meanwhile). */
  async function save(): Promise<boolean> {
    if (newer) {
      setReviewing(true);
      return false;
    }
    const outcome = await form.save();
    if (outcome !== 'conflict') return outcome === 'saved';
    // The core holds a newer version than this panel has heard of yet.
    const current = recordRef.current;
    if (!current) return false;
    let latest: R;
    try {
      latest = await fetch(current.id);
    } catch (error) {
      if (toCrmError(error).code === 'NOT_FOUND') setGone(true);
      else form.setProblem(toCrmError(error).message);
      return false;
    }
    if (JSON.stringify(formOf(current)) === JSON.stringify(formOf(latest))) {
      setRecord(latest);
      return (await form.save()) === 'saved';
    }
    setNewer(latest);
    setReviewing(true);
    return false;
  }

  const rows = newer && record ? reviewRows(describe, custom.fields ?? [], formOf(record), yours, formOf(newer)) : [];

  /** Takes the review's choices: the newer record, with the user's values where they kept them, then saves. */
  function applyReview(keep: Record<string, Keep>) {
    if (!newer) return;
    const merged = mergeReview(rows, keep, yours, formOf(newer));
    setRecord(newer);
    setNewer(null);
    setReviewing(false);
    form.setValues(merged.values);
    custom.reset(newer.custom, merged.custom);
    setChanges((count) => count + 1);
    saveAfterReview.current = true;
  }

  // The merged values are in the form once it has rendered them; the save reads them from there.
  useEffect(() => {
    if (!saveAfterReview.current) return;
    saveAfterReview.current = false;
    void save();
  });

  return {
    record,
    /** A newer record this panel made itself (a new photo): taken in like a change from elsewhere. */
    receive,
    load,
    custom,
    form,
    dirty,
    save,
    /** Changes whenever the record shown changes (the timeline reloads). */
    changes,
    sync: {
      newer,
      gone,
      reviewing,
      rows,
      review: () => setReviewing(true),
      closeReview: () => setReviewing(false),
      applyReview,
      takeSaved: () => {
        if (newer) show(newer);
        setReviewing(false);
      },
    },
  };
}

export type RecordEditor = ReturnType<typeof useRecordEditor>;
export type RecordSync = RecordEditor['sync'];
