import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { Input } from '../../../../shared/contract';
import type { ExportProgress, ExportResult } from '../../../../shared/schemas/export';
import { invoke, onEvent, toCrmError, type CrmError } from '../../api';

/** Where the dialog's export is: not started (maybe after a problem), or running (maybe being stopped). */
export type ExportRunState = { state: 'idle'; problem: string | null } | { state: 'running'; stopping: boolean };

export interface ListExportRun {
  run: ExportRunState;
  /** The newest export.progress while running; null before the first. */
  progress: ExportProgress | null;
  /** Asks where to save and writes the file; `request` is read only when it starts (the ticked ids may need reading first). */
  start: (request: () => Promise<Input<'export.list'>>) => void;
  /** Cancel: safe at any point, the unfinished file is deleted. */
  stop: () => void;
}

/** The core's words for a refusal: a VALIDATION names each problem itself; others say it in their message. */
function problemOf(error: CrmError): string {
  if (error.code === 'VALIDATION' && error.fields.length > 0)
    return error.fields.map((field) => field.message).join(' ');
  return error.message;
}

/**
 * One list export, from the save dialog to the written file. `onSaved` gets
 * the result once the file is in place; `onStopped` once a Cancel has ended
 * it (no file left). Closing the save dialog without a name goes back to the
 * choices quietly; any other problem stays on show, in the core's words.
 */
export function useListExportRun(onSaved: (result: ExportResult) => void, onStopped: () => void): ListExportRun {
  const [run, setRun] = useState<ExportRunState>({ state: 'idle', problem: null });
  const [progress, setProgress] = useState<ExportProgress | null>(null);
  const running = run.state === 'running';
  const stopAsked = useRef(false);
  // The callbacks as last rendered: the answer arrives long after start() was called.
  const latest = useRef({ onSaved, onStopped });
  useLayoutEffect(() => {
    latest.current = { onSaved, onStopped };
  });

  useEffect(() => {
    if (!running) return;
    const stop = onEvent('export.progress', setProgress);
    // Cleared when the run ends, so its last value never shows at the start of the next.
    return () => {
      stop();
      setProgress(null);
    };
  }, [running]);

  const start = useCallback((request: () => Promise<Input<'export.list'>>) => {
    stopAsked.current = false;
    setRun({ state: 'running', stopping: false });
    request()
      .then((input) => {
        // Cancel pressed while the ticked rows were being read: the export never starts.
        if (stopAsked.current) throw new Error('stopped before it started');
        return invoke('export.list', input);
      })
      .then(
        (result) => {
          if (result.saved) latest.current.onSaved(result);
          else setRun({ state: 'idle', problem: null });
        },
        (thrown: unknown) => {
          const error = toCrmError(thrown);
          if (stopAsked.current || error.code === 'CANCELLED') latest.current.onStopped();
          else setRun({ state: 'idle', problem: problemOf(error) });
        },
      );
  }, []);

  const stop = useCallback(() => {
    if (stopAsked.current) return;
    stopAsked.current = true;
    setRun((current) => (current.state === 'running' ? { state: 'running', stopping: true } : current));
    // If it finished meanwhile there is nothing to stop, and its own answer says how it ended.
    invoke('export.cancel', {}).catch(() => undefined);
  }, []);

  return { run, progress: running ? progress : null, start, stop };
}
