import type { DuplicateGroup } from '../../../../shared/schemas/duplicates';
import type { DuplicateKind } from './mergeSide';

/** Why the records look alike, in the words a person would use. */
export function reasonWords(kind: DuplicateKind, reason: DuplicateGroup['reason']): string {
  switch (reason) {
    case 'email':
      return kind === 'contact' ? 'Same email' : 'Same website';
    case 'phone':
      return 'Same phone number';
    case 'name':
      return 'Same name';
    case 'similarName':
      return 'Nearly the same name';
  }
}

/** A group's identity across reloads: its reason and its records. */
export const groupKey = (group: DuplicateGroup) =>
  `${group.reason}:${group.records.map((record) => record.id).join(',')}`;

/** "“Anna Lind” was deleted meanwhile, so nothing was merged.": an action on a record gone since the list was read. */
export const goneWords = (name: string, so: string) => `“${name}” was deleted meanwhile, so ${so}.`;
