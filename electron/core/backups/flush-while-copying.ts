import { syncFile } from '../durable-files';

/**
 * fsyncs a file SQLite writes in steps (a snapshot's copy), in the background
 * (Node's thread pool) every `everyPages` pages copied. SQLite's commit at the
 * end of the copy fsyncs whatever is still unwritten, in the thread that
 * answers requests; flushed along the way, little is left for it.
 */
export function flushWhileCopying(path: string, everyPages = 1024) {
  let inFlight: Promise<void> | undefined;
  let flushedAt = 0;
  return {
    copied(pages: number): void {
      if (inFlight || pages - flushedAt < everyPages) return;
      flushedAt = pages;
      // Best effort: the copy's own commit and the snapshot's syncFile make it durable.
      inFlight = syncFile(path)
        .catch(() => undefined)
        .finally(() => {
          inFlight = undefined;
        });
    },
    /** Resolves once no flush is running (before the file is moved or removed). */
    async settled(): Promise<void> {
      await inFlight;
    },
  };
}
