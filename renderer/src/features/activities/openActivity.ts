import { invoke } from '../../api';
import { placeOfKind, type Navigation } from '../../navigation';

/**
 * Opens an activity where it lives: the panel of the record it belongs to
 * (its contact, else its company, else its deal). Throws a CrmError if the
 * activity is gone; resolves false if all its records are in the trash.
 */
export async function openActivity(go: Navigation['go'], activityId: number): Promise<boolean> {
  const activity = await invoke('activities.get', { id: activityId });
  const owner = activity.contact
    ? { kind: 'contact' as const, id: activity.contact.id }
    : activity.company
      ? { kind: 'company' as const, id: activity.company.id }
      : activity.deal
        ? { kind: 'deal' as const, id: activity.deal.id }
        : null;
  if (!owner) return false;
  go(placeOfKind[owner.kind], { type: 'open', id: owner.id });
  return true;
}
