/** Writes records to an export file as they are read, a page at a time. */
export interface RecordWriter<R> {
  add: (records: readonly R[]) => Promise<void>;
  /** Writes whatever is left and makes the file durable; the caller closes nothing else. */
  finish: () => Promise<void>;
  /** Closes the file without finishing it (a failed export; the caller deletes it). */
  abandon: () => Promise<void>;
}
