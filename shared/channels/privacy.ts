import { z } from 'zod';
import { ErasePreview, EraseRequest, ErasureLog, PersonErased, PersonExported, PersonRef } from '../schemas/privacy';
import type { ChannelTable } from './table';

/** People's rights: everything about one person in one archive; erasing a person for good. */
export const privacyChannels = {
  /** Save dialog → one ZIP: person.json, CSVs of the same, their files, a README. */
  'privacy.exportPerson': { input: PersonRef, output: PersonExported },
  /** What erasing this person would remove and leave, and which backups still hold them. */
  'privacy.erasePreview': { input: PersonRef, output: ErasePreview },
  /** Asks a native confirmation, then erases in one transaction (skipping the trash). Declined: CANCELLED, nothing changed. */
  'privacy.erase': { input: EraseRequest, output: PersonErased },
  /** The anonymous "A contact was erased on …" entries, newest first. */
  'privacy.erasures': { input: z.strictObject({}), output: ErasureLog },
} as const satisfies ChannelTable;
