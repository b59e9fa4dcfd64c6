import { useRef } from 'react';
import { ErrorBanner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { ProgressBar } from '../../components/ProgressBar';
import { BackupPasswordPrompt, type TypedSecret } from './BackupPasswordPrompt';
import type { BackupProgress } from './useBackupProgress';
import type { ExportRun } from './useExportRun';
import { ProgressStage } from '../../components/ProgressStage';
import '../../components/ProgressDialog.css';

interface ExportDialogProps {
  run: ExportRun;
  progress: BackupProgress | null;
  onStop: () => void;
  onUnlock: (secret: TypedSecret) => void;
  onClose: () => void;
}

/**
 * Where the export is, in words and percent: a fresh snapshot copied (to 20%)
 * and verified (to 40%), then the file written and read back.
 */
function stageOf(progress: BackupProgress | null, stopping: boolean): { words: string; percent: number } {
  if (stopping)
    return { words: 'Stopping… The unfinished file is being removed.', percent: progress ? percentOf(progress) : 0 };
  if (!progress) return { words: 'Choose where to save the backup file…', percent: 0 };
  if (progress.job === 'snapshot')
    return { words: 'Taking a fresh backup of your data…', percent: percentOf(progress) };
  if (progress.job === 'verify') return { words: 'Checking the fresh backup…', percent: percentOf(progress) };
  // The core writes the file to 70% of its part, then reads it back.
  return {
    words: progress.fraction < 0.7 ? 'Writing the backup file…' : 'Reading the file back to check it…',
    percent: percentOf(progress),
  };
}

function percentOf({ job, fraction }: BackupProgress): number {
  if (job === 'snapshot') return fraction * 20;
  if (job === 'verify') return 20 + fraction * 20;
  return 40 + fraction * 60;
}

/** File › Export Backup… while it runs: how far it is, and Stop; or, if it failed, why. */
export function ExportDialog({ run, progress, onStop, onUnlock, onClose }: ExportDialogProps) {
  const closeRef = useRef<HTMLButtonElement>(null);

  if (run.state === 'password') {
    return (
      <BackupPasswordPrompt
        key="password"
        title="Type your backup password"
        description="Backups are encrypted with your backup password. Type it to export the backup."
        confirmLabel="Export backup"
        problem={run.problem}
        busy={run.busy}
        offerRemember={run.canRemember}
        onSubmit={onUnlock}
        onCancel={onClose}
      />
    );
  }

  if (run.state === 'failed') {
    return (
      <Dialog key="failed" title="The backup was not exported" onCancel={onClose} initialFocus={closeRef}>
        <div className="dialog__body">
          <ErrorBanner>{run.message}</ErrorBanner>
        </div>
        <div className="dialog__actions">
          <Button ref={closeRef} variant="primary" onClick={onClose}>
            Close
          </Button>
        </div>
      </Dialog>
    );
  }

  const stage = stageOf(progress, run.stopping);
  return (
    // Escape and the backdrop do nothing here: stopping is a decision, so it has its own button.
    <Dialog
      key="running"
      title="Exporting backup"
      description="All your data and attached files, in one file you can keep anywhere."
      onCancel={() => {}}
    >
      <div className="progress-dialog">
        {run.encrypted && (
          <p className="progress-dialog__note">
            <strong>Encrypted with your backup password.</strong> The file opens only with it or its recovery key.
          </p>
        )}
        <ProgressStage words={stage.words} percent={stage.percent} />
        <ProgressBar
          label="Exporting backup"
          percent={stage.percent}
          valueText={stage.words}
          state={progress && !run.stopping ? 'measured' : 'working'}
        />
      </div>
      <div className="dialog__actions">
        {/* aria-disabled, not disabled, once pressed: a disabled button drops keyboard focus. */}
        <Button onClick={() => !run.stopping && onStop()} aria-disabled={run.stopping}>
          {run.stopping ? 'Stopping…' : 'Stop'}
        </Button>
      </div>
    </Dialog>
  );
}
