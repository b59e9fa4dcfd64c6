import { useRef } from 'react';
import { ErrorBanner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Dialog } from '../../components/Dialog';
import { ProgressBar } from '../../components/ProgressBar';
import { timeInSentence } from '../../lib/format';
import { BackupPasswordPrompt } from './BackupPasswordPrompt';
import { RestoreChooser } from './RestoreChooser';
import { contentsInWords } from './snapshotWords';
import type { BackupProgress } from './useBackupProgress';
import type { RestoreFlow, RestoreTarget } from './useRestoreFlow';
import { ProgressStage } from '../../components/ProgressStage';
import '../../components/ProgressDialog.css';

interface RestoreDialogProps {
  flow: RestoreFlow;
  /** The current data is damaged: nothing of it is saved first, so the words say so. */
  recovering: boolean;
}

/** The question before a restore, in plain words: what is saved first, what replaces what, and that it can be undone. */
function question(
  target: RestoreTarget,
  recovering: boolean,
): { title: string; message: string; confirmLabel: string } {
  const savedFirst = recovering
    ? 'Rolodesk will replace the damaged data'
    : 'Rolodesk will first save your current data as a backup, then replace it';
  const goBack = recovering ? '' : ' You can go back afterwards.';
  if (target.kind === 'snapshot') {
    const when = timeInSentence(target.snapshot.createdAt);
    return {
      title: `Restore the backup of ${when}?`,
      message: `${savedFirst} with the backup from ${when} (${contentsInWords(target.snapshot.counts)}).${goBack}`,
      confirmLabel: 'Restore backup',
    };
  }
  if (target.kind === 'opened') {
    return {
      title: `Restore from “${target.fileName}”?`,
      message: `You opened this backup file. Rolodesk checks it, then ${recovering ? 'replaces the damaged data' : 'saves your current data as a backup and replaces it'} with the data in the file.${goBack}`,
      confirmLabel: 'Restore backup',
    };
  }
  if (target.kind === 'file') {
    return {
      title: 'Restore from a backup file?',
      message: `Choose the file next. Rolodesk checks it, then ${recovering ? 'replaces the damaged data' : 'saves your current data as a backup and replaces it'} with the data in the file.${goBack}`,
      confirmLabel: 'Choose file and restore…',
    };
  }
  return {
    title: 'Return to the data from before the restore?',
    message: `Rolodesk will first save your current data as a backup, then put back your data as it was just before the restore ${timeInSentence(target.restoredAt)}. Changes made since then stay in that backup.`,
    confirmLabel: 'Return to earlier data',
  };
}

/**
 * What the restore is doing now, and how far it is: the core checks the
 * backup as it copies it beside the data (restore, to 70% of its part), saves
 * and verifies the current data as a backup, then swaps and reopens.
 */
function stageOf(target: RestoreTarget, progress: BackupProgress | null): { words: string; percent: number } {
  if (!progress)
    return { words: target.kind === 'file' ? 'Choose the backup file…' : 'Checking the backup…', percent: 0 };
  if (progress.job === 'snapshot')
    return { words: 'Saving your current data as a backup first…', percent: 60 + progress.fraction * 15 };
  if (progress.job === 'verify')
    return { words: 'Checking that backup of your current data…', percent: 75 + progress.fraction * 15 };
  if (progress.fraction < 0.7) return { words: 'Checking the backup…', percent: (progress.fraction / 0.7) * 60 };
  if (progress.fraction < 1) return { words: 'Putting the backup’s data in place…', percent: 90 };
  return { words: 'Opening your data…', percent: 100 };
}

/** File › Restore from Backup… and every other way in: choose, confirm, watch it run (it cannot be stopped), or read why not. */
export function RestoreDialog({ flow, recovering }: RestoreDialogProps) {
  const closeRef = useRef<HTMLButtonElement>(null);
  const { step } = flow;
  if (!step) return null;

  if (step.step === 'choose') {
    return (
      <RestoreChooser
        key="choose"
        problem={step.problem}
        recovering={recovering}
        onChoose={(target) => flow.ask(target, 'list')}
        onCancel={flow.close}
      />
    );
  }

  if (step.step === 'confirm') {
    const { title, message, confirmLabel } = question(step.target, recovering);
    return (
      <ConfirmDialog
        key="confirm"
        title={title}
        message={message}
        confirmLabel={confirmLabel}
        tone="safe"
        onConfirm={flow.confirm}
        onCancel={flow.back}
      />
    );
  }

  if (step.step === 'password') {
    // Opening the file stays here (a wrong password is said under its field); once it restores, the progress shows.
    if (!step.busy || !flow.progress) {
      return (
        <BackupPasswordPrompt
          key="password"
          title={step.token === null ? 'This backup is encrypted' : 'This backup file is encrypted'}
          description={`Type the backup password to restore ${step.name}.`}
          confirmLabel="Restore backup"
          problem={step.problem}
          busy={step.busy}
          offerRemember={false}
          onSubmit={flow.open}
          onCancel={flow.close}
        />
      );
    }
  }

  if (step.step === 'failed') {
    return (
      <Dialog key="failed" title="Nothing was restored" onCancel={flow.close} initialFocus={closeRef}>
        <div className="dialog__body">
          <ErrorBanner>{step.message}</ErrorBanner>
        </div>
        <div className="dialog__actions">
          <Button ref={closeRef} variant="primary" onClick={flow.close}>
            Close
          </Button>
        </div>
      </Dialog>
    );
  }

  const title = step.target.kind === 'undo' ? 'Returning to your earlier data' : 'Restoring your data';
  const stage = stageOf(step.target, flow.progress);
  return (
    // A restore cannot be stopped half-way: no buttons, and Escape does nothing.
    <Dialog key="running" title={title} onCancel={() => {}}>
      <div className="progress-dialog">
        <ProgressStage words={stage.words} percent={stage.percent} />
        <ProgressBar
          label={title}
          percent={stage.percent}
          valueText={stage.words}
          state={flow.progress ? 'measured' : 'working'}
        />
        <p className="progress-dialog__note">
          Please keep Rolodesk open until this is done. If anything goes wrong, your current data stays as it is.
        </p>
      </div>
    </Dialog>
  );
}
