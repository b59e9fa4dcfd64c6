import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type {
  DuplicateAction,
  ImportKind,
  ImportSummary,
  ImportUndone,
  Inspection,
  Mapping,
  Preview,
  ReadOptions,
} from '../../../../shared/schemas/import';
import { invoke, toCrmError } from '../../api';
import { sendImportFile } from './sendImportFile';

/** The wizard's steps in order; 'kind' only when it was opened without one (File › Import…). */
export type WizardStep = 'kind' | 'pick' | 'detect' | 'map' | 'preview' | 'duplicates' | 'running' | 'summary';

export type DateOrder = 'auto' | 'dmy' | 'mdy';
type Counts = Preview['counts'];

export interface OpenedFile {
  importId: string;
  fileName: string;
}

export interface ImportWizard {
  step: WizardStep;
  kind: ImportKind;
  opened: OpenedFile | null;
  read: ReadOptions;
  inspection: Inspection | null;
  mapping: Mapping;
  dateOrder: DateOrder;
  preview: Preview | null;
  duplicates: DuplicateAction;
  /** A consent column may change people who unsubscribed or asked not to be contacted (an explicit choice, off by default). */
  overwriteOptOuts: boolean;
  setOverwriteOptOuts: (overwrite: boolean) => void;
  /** What each duplicates choice would give, counted by the preview's one pass over the file; null before a preview. */
  choiceCounts: Record<DuplicateAction, Counts> | null;
  summary: ImportSummary | null;
  undone: ImportUndone | null;
  /** What is being waited for, in words ("Reading the file…"); null when idle. */
  busy: string | null;
  /** Why the last step failed, in the core's words. */
  problem: string | null;
  /** A run the user stopped: nothing was imported. */
  stopped: boolean;
  cancelling: boolean;
  chooseKind: (kind: ImportKind) => void;
  /** The desktop's Open dialog. */
  pickFile: () => void;
  /** A file dropped on the wizard (or the window). */
  takeFile: (file: File) => void;
  /** Reads the file again with one option changed (encoding, delimiter, header row, sheet). */
  changeRead: (options: ReadOptions) => void;
  setTarget: (column: number, target: Mapping[number]) => void;
  setDateOrder: (order: DateOrder) => void;
  setDuplicates: (action: DuplicateAction) => void;
  goTo: (step: WizardStep) => void;
  /** From the mapping: the first 50 rows as stored, and the counts. */
  showPreview: () => void;
  /** From the preview: the duplicates choice, with what each would give. */
  showDuplicates: () => void;
  run: () => void;
  cancelRun: () => void;
  undo: () => void;
  saveRejected: () => Promise<boolean>;
}

/**
 * The import wizard's state and its calls to the core: the file opened,
 * inspected (again when a read option changes), mapped, previewed (with the
 * counts for every duplicates choice), run, and undone. Answers that arrive after a newer request
 * was made are dropped, so a fast user never sees an old preview.
 */
export function useImportWizard(initialKind: ImportKind | null, suggestedKind: ImportKind = 'contact'): ImportWizard {
  const [step, setStep] = useState<WizardStep>(initialKind ? 'pick' : 'kind');
  const [kind, setKind] = useState<ImportKind>(initialKind ?? suggestedKind);
  const [opened, setOpened] = useState<OpenedFile | null>(null);
  const [read, setRead] = useState<ReadOptions>({});
  const [inspection, setInspection] = useState<Inspection | null>(null);
  const [mapping, setMapping] = useState<Mapping>([]);
  const [dateOrder, setDateOrderState] = useState<DateOrder>('auto');
  const [preview, setPreview] = useState<Preview | null>(null);
  const [duplicates, setDuplicatesState] = useState<DuplicateAction>('skip');
  // Unticked until the user says so: an import never changes the consent of people who opted out unasked.
  const [overwriteOptOuts, setOverwriteOptOuts] = useState(false);
  const [summary, setSummary] = useState<ImportSummary | null>(null);
  const [undone, setUndone] = useState<ImportUndone | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [stopped, setStopped] = useState(false);
  const [cancelling, setCancelling] = useState(false);

  // The newest request's number: an older answer is ignored. Separate from `running`, which guards a double-clicked Import.
  const latest = useRef(0);
  const running = useRef(false);
  // The file as last rendered, for the callbacks and the closing cleanup to let go of.
  const openedRef = useRef<OpenedFile | null>(null);
  useLayoutEffect(() => {
    openedRef.current = opened;
  }, [opened]);

  // The file is let go of when the wizard closes (a dropped file's copy is deleted then).
  useEffect(
    () => () => {
      const file = openedRef.current;
      if (file) void invoke('import.close', { importId: file.importId }).catch(() => undefined);
    },
    [],
  );

  /** Runs one request as the newest; its answer is applied only if no newer one was made meanwhile. */
  const request = useCallback(
    <T>(
      words: string,
      call: () => Promise<T>,
      apply: (answer: T) => void,
      failed?: (message: string, code: string) => void,
    ) => {
      const ticket = ++latest.current;
      setBusy(words);
      setProblem(null);
      call().then(
        (answer) => {
          if (ticket !== latest.current) return;
          setBusy(null);
          apply(answer);
        },
        (thrown: unknown) => {
          if (ticket !== latest.current) return;
          setBusy(null);
          const error = toCrmError(thrown);
          if (failed) failed(error.message, error.code);
          else setProblem(error.message);
        },
      );
    },
    [],
  );

  const inspect = useCallback(
    (file: OpenedFile, options: ReadOptions) =>
      request(
        'Reading the file…',
        () => invoke('import.inspect', { importId: file.importId, read: options }),
        (found) => {
          setInspection(found);
          setRead(options);
          setMapping(found.suggested);
          setPreview(null);
          setStep((current) => (current === 'pick' ? 'detect' : current));
        },
      ),
    [request],
  );

  const opening = useCallback(
    (open: () => Promise<OpenedFile | null>) =>
      request(
        'Opening the file…',
        async () => {
          // A second file replaces the first: the first is let go of.
          const previous = openedRef.current;
          const file = await open();
          if (file && previous) await invoke('import.close', { importId: previous.importId }).catch(() => undefined);
          return file;
        },
        (file) => {
          if (!file) return;
          setOpened(file);
          setInspection(null);
          setRead({});
          inspect(file, {});
        },
      ),
    [request, inspect],
  );

  const pickFile = useCallback(
    () => opening(() => invoke('import.open', { kind, source: { type: 'dialog' } })),
    [opening, kind],
  );
  const takeFile = useCallback(
    (file: File) =>
      opening(async () => {
        const uploadId = await sendImportFile(file);
        return invoke('import.open', { kind, source: { type: 'upload', uploadId } });
      }),
    [opening, kind],
  );

  const changeRead = useCallback(
    (options: ReadOptions) => {
      if (!opened) return;
      inspect(opened, { ...read, ...options });
    },
    [opened, read, inspect],
  );

  const plan = useCallback(
    (action: DuplicateAction, order: DateOrder = dateOrder) => ({
      importId: opened?.importId ?? '',
      read,
      mapping,
      duplicates: action,
      dateOrder: order,
      overwriteOptOuts,
    }),
    [opened, read, mapping, dateOrder, overwriteOptOuts],
  );

  const previewWith = useCallback(
    (order: DateOrder) =>
      request(
        'Checking every row…',
        () => invoke('import.preview', plan(duplicates, order)),
        (found) => {
          setPreview(found);
          setStep('preview');
        },
      ),
    [request, plan, duplicates],
  );

  const showPreview = useCallback(() => previewWith(dateOrder), [previewWith, dateOrder]);
  const setDateOrder = useCallback(
    (order: DateOrder) => {
      setDateOrderState(order);
      previewWith(order);
    },
    [previewWith],
  );

  const setTarget = useCallback((column: number, target: Mapping[number]) => {
    // A preview asked for with the old mapping must not arrive and move the wizard on.
    latest.current++;
    setBusy(null);
    setMapping((current) => current.map((old, index) => (index === column ? target : old)));
    setPreview(null);
  }, []);

  /** The preview already counted what each choice would give. */
  const showDuplicates = useCallback(() => setStep('duplicates'), []);

  const setDuplicates = useCallback((action: DuplicateAction) => setDuplicatesState(action), []);

  const run = useCallback(() => {
    if (running.current || !opened) return;
    running.current = true;
    setStopped(false);
    setCancelling(false);
    setStep('running');
    request(
      'Importing…',
      () => invoke('import.run', plan(duplicates)),
      (done) => {
        running.current = false;
        setSummary(done);
        setStep('summary');
      },
      (message, code) => {
        running.current = false;
        setCancelling(false);
        setStep('duplicates');
        if (code === 'CANCELLED') setStopped(true);
        else setProblem(message);
      },
    );
  }, [opened, plan, duplicates, request]);

  const cancelRun = useCallback(() => {
    if (!opened) return;
    setCancelling(true);
    // If the run finished meanwhile there is nothing to stop; its own answer says how it ended.
    void invoke('import.cancel', { importId: opened.importId }).catch(() => undefined);
  }, [opened]);

  const undo = useCallback(() => {
    if (!summary || undone) return;
    request(
      'Undoing the import…',
      () => invoke('import.undo', { runId: summary.runId }),
      (answer) => setUndone(answer),
    );
  }, [summary, undone, request]);

  const saveRejected = useCallback(async () => {
    if (!summary) return false;
    try {
      return (await invoke('import.saveRejected', { runId: summary.runId })).saved;
    } catch (thrown) {
      setProblem(toCrmError(thrown).message);
      return false;
    }
  }, [summary]);

  const chooseKind = useCallback((chosen: ImportKind) => setKind(chosen), []);
  const goTo = useCallback((target: WizardStep) => {
    // Going back drops what was being waited for; the core stops a preview when the next one starts.
    latest.current++;
    setBusy(null);
    setProblem(null);
    setStopped(false);
    setStep(target);
  }, []);

  return {
    step,
    kind,
    opened,
    read,
    inspection,
    mapping,
    dateOrder,
    preview,
    duplicates,
    overwriteOptOuts,
    setOverwriteOptOuts,
    choiceCounts: preview?.countsByAction ?? null,
    summary,
    undone,
    busy,
    problem,
    stopped,
    cancelling,
    chooseKind,
    pickFile,
    takeFile,
    changeRead,
    setTarget,
    setDateOrder,
    setDuplicates,
    goTo,
    showPreview,
    showDuplicates,
    run,
    cancelRun,
    undo,
    saveRejected,
  };
}
