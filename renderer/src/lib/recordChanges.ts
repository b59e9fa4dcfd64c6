import type { RecordKind } from '../../../shared/schemas/record';
import { onEvent } from '../api';

/**
 * Calls `listener` whenever the core says this record was created, changed or
 * removed (records.changed), by any screen or job; also when a change was too
 * big to name every record and may include it.
 */
export function onRecordChange(kind: RecordKind, id: number, listener: () => void): () => void {
  return onEvent('records.changed', (change) => {
    const named = change.records.some((record) => record.kind === kind && record.id === id);
    if (named || (!change.complete && change.kinds.includes(kind))) listener();
  });
}
