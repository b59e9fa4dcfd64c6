import type { Attachment } from '../../../shared/schemas/attachment';
import { CrmError } from '../errors';
import { copyNameFor } from './copy-name';
import { allowedKinds, type AllowedKind } from './file-types';

const kindByMime = new Map<string, AllowedKind>(
  Object.entries(allowedKinds).map(([kind, { mime }]) => [mime, kind as AllowedKind]),
);

/** The kind a stored type names; undefined for a type Rolodesk never stores (a crafted or damaged database). */
export function knownKindOf(mimeType: string): AllowedKind | undefined {
  return kindByMime.get(mimeType);
}

/** The kind of an attachment about to leave the store, or a refusal in words when its recorded type is not one Rolodesk keeps. */
export function storedKindOf(
  attachment: Pick<Attachment, 'id' | 'fileName' | 'mimeType'>,
  outcome: 'opened' | 'saved',
): AllowedKind {
  const kind = knownKindOf(attachment.mimeType);
  if (kind) return kind;
  throw new CrmError(
    'FILE_REFUSED',
    `Rolodesk does not recognise the type recorded for “${copyNameFor(attachment)}”, so it was not ${outcome}. The record may come from a damaged or altered backup.`,
  );
}
