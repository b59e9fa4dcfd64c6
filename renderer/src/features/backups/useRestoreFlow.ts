import { useCallback, useEffect, useRef, useState } from 'react';
import type { SnapshotInfo } from '../../../../shared/schemas/backup';
import { invoke, toCrmError } from '../../api';
import { useLeaveGuard } from '../../lib/unsavedContext';
import type { TypedSecret } from './BackupPasswordPrompt';
import { snapshotInSentence } from './snapshotWords';
import { useBackupProgress, type BackupProgress } from './useBackupProgress';

/**
 * What a restore puts back: a snapshot, a file the user picks, a file the user opened from outside
 * Rolodesk (double-clicked; the core holds its path, the window knows its name), or the data from before the last restore.
 */
export type RestoreTarget =
  | { kind: 'snapshot'; snapshot: SnapshotInfo }
  | { kind: 'file' }
  | { kind: 'opened'; fileName: string }
  | { kind: 'undo'; restoredAt: string };

/** Where it began: the list of snapshots (a problem returns there, to choose another) or a single button (a problem ends it). */
export type RestoreOrigin = 'list' | 'direct';

export type RestoreStep =
  | { step: 'choose'; problem: string | null }
  | { step: 'confirm'; target: RestoreTarget; origin: RestoreOrigin }
  | { step: 'running'; target: RestoreTarget; origin: RestoreOrigin }
  /**
   * The backup is encrypted and its key is not open: its password (or recovery key) opens it. A file is not
   * chosen again (its token says which); a snapshot in an encrypted folder is asked for again with the secret.
   */
  | {
      step: 'password';
      target: RestoreTarget;
      origin: RestoreOrigin;
      token: string | null;
      name: string;
      problem: string | null;
      busy: boolean;
    }
  | { step: 'failed'; target: RestoreTarget; message: string };

export interface RestoreFlow {
  step: RestoreStep | null;
  progress: BackupProgress | null;
  /** File › Restore from Backup…: the list of snapshots, and Choose file…. */
  openList: () => void;
  /** Asks before restoring this target. */
  ask: (target: RestoreTarget, origin?: RestoreOrigin) => void;
  /** Restores at once, without asking: the recovery screen, where the current data is already lost. */
  run: (target: RestoreTarget, origin?: RestoreOrigin) => void;
  confirm: () => void;
  /** Restores the encrypted file waiting for its password with what the user typed. */
  open: (secret: TypedSecret) => void;
  back: () => void;
  close: () => void;
}

interface RestoreFlowOptions {
  onRestored: (target: RestoreTarget) => void;
}

/** Calls the channel for a target; false when the user cancelled the file dialog; the token of a file that needs its password. */
async function restore(target: RestoreTarget): Promise<boolean | { token: string; fileName: string }> {
  if (target.kind === 'snapshot') return (await invoke('backups.restore', { id: target.snapshot.id })).restored;
  if (target.kind === 'file' || target.kind === 'opened') {
    const answer = await invoke(target.kind === 'file' ? 'backups.restoreFromFile' : 'backups.restoreOpenedFile', {});
    return answer.passwordFor ?? answer.restored;
  }
  return (await invoke('backups.undoRestore', {})).restored;
}

/** The steps of one restore, from choosing to done. A restore cannot be stopped half-way, so nothing closes it while it runs. */
export function useRestoreFlow(options: RestoreFlowOptions): RestoreFlow {
  const [step, setStep] = useState<RestoreStep | null>(null);
  const busy = useRef(false);
  const progress = useBackupProgress(step?.step === 'running' || (step?.step === 'password' && step.busy));
  const confirmLeave = useLeaveGuard();
  // The latest callbacks, for the answer that arrives after the render that asked.
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });

  const openList = useCallback(() => {
    if (!busy.current) setStep({ step: 'choose', problem: null });
  }, []);

  const ask = useCallback((target: RestoreTarget, origin: RestoreOrigin = 'direct') => {
    if (!busy.current) setStep({ step: 'confirm', target, origin });
  }, []);

  const run = useCallback((target: RestoreTarget, origin: RestoreOrigin = 'direct') => {
    if (busy.current) return;
    busy.current = true;
    setStep({ step: 'running', target, origin });
    restore(target)
      .then(
        (restored) => {
          if (typeof restored === 'object') {
            setStep({
              step: 'password',
              target,
              origin,
              token: restored.token,
              name: `“${restored.fileName}”`,
              problem: null,
              busy: false,
            });
          } else if (restored) {
            setStep(null);
            latest.current.onRestored(target);
          } else {
            // The file dialog was cancelled: back to where the user was.
            setStep(origin === 'list' ? { step: 'choose', problem: null } : null);
          }
        },
        (thrown: unknown) => {
          const error = toCrmError(thrown);
          if (error.code === 'PASSWORD_REQUIRED' && target.kind === 'snapshot') {
            setStep({
              step: 'password',
              target,
              origin,
              token: null,
              name: snapshotInSentence(target.snapshot),
              problem: null,
              busy: false,
            });
          } else {
            setStep(
              origin === 'list'
                ? { step: 'choose', problem: error.message }
                : { step: 'failed', target, message: error.message },
            );
          }
        },
      )
      .finally(() => {
        busy.current = false;
      });
  }, []);

  // A restore replaces every screen: typing not yet saved is asked about first.
  const confirm = useCallback(() => {
    if (step?.step !== 'confirm') return;
    const { target, origin } = step;
    void confirmLeave().then((go) => go && run(target, origin));
  }, [step, run, confirmLeave]);

  const open = useCallback(
    (secret: TypedSecret) => {
      if (step?.step !== 'password' || busy.current) return;
      const waiting = step;
      busy.current = true;
      setStep({ ...waiting, busy: true, problem: null });
      const typed = 'password' in secret ? { password: secret.password } : { recoveryKey: secret.recoveryKey };
      // The password dialog stays until the backup opens: a wrong password is said under its field.
      const restoring =
        waiting.token !== null
          ? invoke('backupEncryption.restoreFile', { token: waiting.token, ...typed })
          : waiting.target.kind === 'snapshot'
            ? invoke('backups.restore', { id: waiting.target.snapshot.id, secret: typed })
            : Promise.reject(new Error('Only a backup file or a snapshot asks for its password.'));
      restoring
        .then(
          () => {
            setStep(null);
            latest.current.onRestored(waiting.target);
          },
          (thrown: unknown) => {
            const error = toCrmError(thrown);
            if (error.code === 'PASSWORD_REQUIRED') setStep({ ...waiting, busy: false, problem: error.message });
            else
              setStep(
                waiting.origin === 'list'
                  ? { step: 'choose', problem: error.message }
                  : { step: 'failed', target: waiting.target, message: error.message },
              );
          },
        )
        .finally(() => {
          busy.current = false;
        });
    },
    [step],
  );

  const back = useCallback(() => {
    setStep((current) =>
      current?.step === 'confirm' && current.origin === 'list'
        ? { step: 'choose', problem: null }
        : current?.step === 'running'
          ? current
          : null,
    );
  }, []);

  const close = useCallback(() => {
    if (!busy.current) setStep(null);
  }, []);

  return { step, progress, openList, ask, run, confirm, open, back, close };
}
