import { z } from 'zod';
import { Id, IsoDate } from './common';

const Count = z.int().min(0);

export const PersonRef = z.strictObject({ contactId: Id });

/** What "Export everything about this person" did: saved false when the save dialog was cancelled. */
export const PersonExported = z.strictObject({
  saved: z.boolean(),
  /** What the archive holds, counted (for the message after saving). */
  counts: z.strictObject({ activities: Count, historyEntries: Count, campaigns: Count, messages: Count, files: Count }),
});
export type PersonExported = z.infer<typeof PersonExported>;

/** Which backups still hold a person after an erase, and until when. */
export const BackupsHolding = z.strictObject({
  /** Snapshots in the backup folder now (each may hold the person). */
  snapshots: Count,
  /** The day the last of them is pruned if backups keep running on schedule; null when there are none. */
  lastExpiresOn: IsoDate.nullable(),
  /** The sentence the dialog and the result show. */
  note: z.string().max(600),
});
export type BackupsHolding = z.infer<typeof BackupsHolding>;

/** What erasing a person removes and what it leaves, counted before anything changes. */
export const ErasePreview = z.strictObject({
  contactId: Id,
  name: z.string(),
  inTrash: z.boolean(),
  /** Names exactly what would go; the erase refuses when it no longer does (something changed meanwhile). */
  planKey: z.string().max(64),
  goes: z.strictObject({
    activities: Count,
    historyEntries: Count,
    campaignMemberships: Count,
    messages: Count,
    /** Files attached only to this person (or to activities that go with them). */
    files: Count,
    tags: Count,
    customValues: Count,
  }),
  stays: z.strictObject({
    /** Their company, by name; null when they have none. */
    company: z.string().nullable(),
    /** Deals they are on: kept, without the link to them. */
    deals: Count,
    /** Activities filed under a company or deal too: kept there, without the link to them. */
    sharedActivities: Count,
    /** Files other records hold too. */
    sharedFiles: Count,
  }),
  backups: BackupsHolding,
});
export type ErasePreview = z.infer<typeof ErasePreview>;

export const EraseRequest = z.strictObject({
  contactId: Id,
  /** The preview's planKey: the erase happens only if it removes exactly what the preview showed. */
  planKey: z.string().max(64),
});

export const PersonErased = z.strictObject({
  erased: z.literal(true),
  /** When it was recorded (the anonymous entry: "A contact was erased on …"). */
  erasedOn: IsoDate,
  backups: BackupsHolding,
});
export type PersonErased = z.infer<typeof PersonErased>;

/** The anonymous record of erasures an admin sees: dates only, no names, no record numbers. */
export const ErasureLog = z.strictObject({
  entries: z.array(z.strictObject({ erasedOn: IsoDate, text: z.string() })).max(1000),
});
