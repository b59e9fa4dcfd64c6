import { useEffect, useRef, type ReactNode } from 'react';
import type { ImportKind } from '../../../../shared/schemas/import';
import { ErrorBanner, WarningBanner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { useUnsavedWork } from '../../lib/unsavedContext';
import { DetectStep } from './DetectStep';
import { DuplicatesStep } from './DuplicatesStep';
import { kindWords, wholeNumber } from './importWords';
import { KindStep } from './KindStep';
import { mappingClashes, namesRecords } from './mappingClashes';
import { MapStep } from './MapStep';
import { PickStep } from './PickStep';
import { PreviewStep } from './PreviewStep';
import { JobProgress } from './RunStep';
import { StepList } from './StepList';
import { SummaryStep } from './SummaryStep';
import { useImportProgress } from './useImportProgress';
import { useImportWizard, type WizardStep } from './useImportWizard';
import { useShownAfter } from './useShownAfter';
import './ImportWizard.css';

interface ImportWizardProps {
  /** null: the wizard asks contacts or companies first. */
  initialKind: ImportKind | null;
  /** Ticked first when the wizard asks (Companies when it was opened from the Companies screen). */
  suggestedKind?: ImportKind | undefined;
  /** Dropped on the window: read at once, no Choose step. */
  initialFile?: File | undefined;
  onClose: () => void;
  /** "Show imported contacts": the list narrowed to the import's tag. */
  onShowImported: (kind: ImportKind, tagName: string) => void;
}

const stepTitles: Record<WizardStep, string> = {
  kind: 'What to import',
  pick: 'Choose the file',
  detect: 'Check how the file reads',
  map: 'Match the columns',
  preview: 'Preview',
  duplicates: 'Rows that are already there',
  running: 'Importing',
  summary: 'Import finished',
};

/**
 * File › Import…: pick a file (or drop it), check how it reads, match its
 * columns, preview the rows as stored, choose what happens to duplicates,
 * import with a progress bar and Cancel, and read the summary (undo from there).
 * Until the import is done, the choices are unsaved work: leaving asks first.
 */
export function ImportWizard({ initialKind, suggestedKind, initialFile, onClose, onShowImported }: ImportWizardProps) {
  const wizard = useImportWizard(initialKind, suggestedKind);
  const { takeFile } = wizard;
  const tookInitial = useRef(false);
  useEffect(() => {
    if (initialFile && !tookInitial.current) {
      tookInitial.current = true;
      takeFile(initialFile);
    }
  }, [initialFile, takeFile]);
  const { step, kind, opened, inspection, mapping, preview, busy, problem } = wizard;
  const words = kindWords[kind];
  const stepHeadingRef = useRef<HTMLHeadingElement>(null);
  const firstStep = useRef(true);

  const working = inspection !== null && step !== 'summary';
  const confirmClose = useUnsavedWork(working, opened ? `the import of “${opened.fileName}”` : 'the import', null);
  const progress = useImportProgress(opened?.importId ?? null, busy !== null);

  // A new step moves the reader to its heading (the dialog itself keeps focus on its first control when it opens).
  useEffect(() => {
    if (firstStep.current) {
      firstStep.current = false;
      return;
    }
    stepHeadingRef.current?.focus();
  }, [step]);

  const requestClose = () => {
    // Stopping a running import is a decision with its own button.
    if (step === 'running') return;
    if (!working) return onClose();
    void confirmClose().then((leave) => leave && onClose());
  };

  const clashes = inspection
    ? mappingClashes(mapping, inspection.info.headers, inspection.targets)
    : new Map<number, string>();
  const named = namesRecords(mapping, kind);
  const mappingProblem =
    clashes.size > 0
      ? 'Some columns go to the same field: choose one for each (see below).'
      : named
        ? null
        : kind === 'contact'
          ? 'Choose the column that holds the name (or the first and last name).'
          : 'Choose the column that holds the company name.';

  let body: ReactNode = null;
  let actions: ReactNode = null;
  const back = (to: WizardStep, label = 'Back') => (
    <Button onClick={() => wizard.goTo(to)} className="import-wizard__back">
      {label}
    </Button>
  );
  const cancel = <Button onClick={requestClose}>Cancel</Button>;
  const waiting = busy !== null;
  const showWait = useShownAfter(waiting, 250);
  const next = (label: string, onNext: () => void, blockedBy: string | null = null) => (
    <Button
      variant="primary"
      onClick={() => !waiting && !blockedBy && onNext()}
      aria-disabled={waiting || blockedBy !== null}
    >
      {label}
    </Button>
  );

  switch (step) {
    case 'kind':
      body = <KindStep kind={kind} onChoose={wizard.chooseKind} />;
      actions = (
        <>
          {cancel}
          {next('Next', () => wizard.goTo('pick'))}
        </>
      );
      break;
    case 'pick':
      body = <PickStep plural={words.plural} busy={waiting} onPick={wizard.pickFile} onDrop={wizard.takeFile} />;
      actions = (
        <>
          {initialKind === null && back('kind')}
          {cancel}
        </>
      );
      break;
    case 'detect':
      body = inspection && <DetectStep inspection={inspection} onChange={wizard.changeRead} />;
      actions = (
        <>
          {back('pick', 'Choose another file')}
          {cancel}
          {next(
            'Next: match columns',
            () => wizard.goTo('map'),
            inspection && inspection.sample.length > 0 ? null : 'no rows',
          )}
        </>
      );
      break;
    case 'map':
      body = inspection && (
        <MapStep inspection={inspection} mapping={mapping} clashes={clashes} onChange={wizard.setTarget} />
      );
      actions = (
        <>
          {back('detect')}
          {cancel}
          {next('Next: preview', wizard.showPreview, mappingProblem)}
        </>
      );
      break;
    case 'preview':
      body = preview && inspection && (
        <PreviewStep
          preview={preview}
          inspection={inspection}
          mapping={mapping}
          plural={words.plural}
          dateOrder={wizard.dateOrder}
          onDateOrder={wizard.setDateOrder}
        />
      );
      actions = (
        <>
          {back('map')}
          {cancel}
          {next(
            'Next: duplicates',
            wizard.showDuplicates,
            preview && preview.counts.create + preview.counts.update > 0 ? null : 'nothing to import',
          )}
        </>
      );
      break;
    case 'duplicates': {
      const chosen = wizard.choiceCounts?.[wizard.duplicates];
      const toImport = chosen ? chosen.create + chosen.update : null;
      body = preview && wizard.choiceCounts && (
        <DuplicatesStep
          plural={words.plural}
          kind={kind}
          choice={wizard.duplicates}
          counts={wizard.choiceCounts}
          matching={wizard.choiceCounts.skip.skip}
          onChoose={wizard.setDuplicates}
          optOutChanges={preview.optOutChanges}
          overwriteOptOuts={wizard.overwriteOptOuts}
          onOverwriteOptOuts={wizard.setOverwriteOptOuts}
        />
      );
      actions = (
        <>
          {back('preview')}
          {cancel}
          <Button variant="primary" onClick={wizard.run} aria-disabled={toImport === 0}>
            {toImport === null
              ? `Import ${words.plural}`
              : `Import ${wholeNumber(toImport)} ${toImport === 1 ? words.singular : words.plural}`}
          </Button>
        </>
      );
      break;
    }
    case 'running':
      body = (
        <JobProgress
          label={`Importing ${words.plural}`}
          progress={progress}
          plural={words.plural}
          stopping={wizard.cancelling}
        />
      );
      actions = (
        <Button onClick={() => !wizard.cancelling && wizard.cancelRun()} aria-disabled={wizard.cancelling}>
          {wizard.cancelling ? 'Stopping…' : 'Cancel import'}
        </Button>
      );
      break;
    case 'summary':
      body = wizard.summary && (
        <SummaryStep
          summary={wizard.summary}
          fileName={wizard.opened?.fileName ?? ''}
          kind={kind}
          undone={wizard.undone}
          plural={words.plural}
          busy={waiting}
          onSaveRejected={wizard.saveRejected}
          onUndo={wizard.undo}
          onShowImported={() => {
            onClose();
            onShowImported(kind, wizard.summary?.tagName ?? '');
          }}
        />
      );
      actions = (
        <Button variant="primary" onClick={onClose}>
          Done
        </Button>
      );
      break;
  }

  return (
    <Dialog title={`Import ${words.plural}`} onCancel={requestClose} size="wide">
      <div className="import-wizard">
        <StepList step={step} withKind={initialKind === null} />
        <h3 ref={stepHeadingRef} tabIndex={-1} className="import-step__title">
          {stepTitles[step]}
        </h3>
        {wizard.stopped && (
          <WarningBanner title="Import stopped">
            Nothing was imported. You can change your choices and import again.
          </WarningBanner>
        )}
        {problem && <ErrorBanner>{problem}</ErrorBanner>}
        {step === 'map' && mappingProblem && clashes.size === 0 && (
          <p className="import-step__note import-step__note--problem">{mappingProblem}</p>
        )}
        <div className="import-wizard__body">{body}</div>
        {busy !== null && showWait && step !== 'running' && (
          <JobProgress label={busy} progress={progress} plural={words.plural} />
        )}
      </div>
      <div className="dialog__actions import-wizard__actions">{actions}</div>
    </Dialog>
  );
}
