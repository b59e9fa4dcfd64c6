import type { RecordRef } from '../../../shared/schemas/record';
import { invoke } from '../api';
import { placeOfKind } from '../navigation';
import type { Place } from '../sections';

/** The screen and record to open to show `record`. */
export interface RecordPlace {
  place: Place;
  id: number;
}

/**
 * Where a record is shown. An activity has no screen of its own: it opens
 * with the record it belongs to (its contact, else its deal, else its
 * company), so it is read first. Throws a CrmError when it cannot be read.
 */
export async function placeOfRecord(record: RecordRef): Promise<RecordPlace | null> {
  if (record.kind !== 'activity') return { place: placeOfKind[record.kind], id: record.id };
  const activity = await invoke('activities.get', { id: record.id });
  if (activity.contact) return { place: 'contacts', id: activity.contact.id };
  if (activity.deal) return { place: 'deals', id: activity.deal.id };
  if (activity.company) return { place: 'companies', id: activity.company.id };
  return null;
}
