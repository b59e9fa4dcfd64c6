import { z } from 'zod';

/** A row id: a positive whole number SQLite handed out. */
export const Id = z.int({ error: 'Must be a record number.' }).positive({ error: 'Must be a record number.' });

/** ISO-8601 time stamp in UTC, as the core writes them. */
export const Timestamp = z.iso.datetime();

/** Optional free text: trimmed, bounded, '' when empty. */
export function optionalText(label: string, max: number) {
  return z
    .string({ error: `${label} must be text.` })
    .max(max, { error: `${label} is too long (at most ${max.toLocaleString('en')} characters).` })
    .transform((text) => text.trim());
}

/** Required free text: trimmed, bounded, not blank. */
export function requiredText(label: string, max: number) {
  return optionalText(label, max).refine((text) => text.length > 0, { error: `Please enter a ${label.toLowerCase()}.` });
}

export const PageRequest = {
  offset: z.int({ error: 'Must be a whole number.' }).min(0).max(10_000_000).default(0),
  limit: z.int({ error: 'Must be a whole number.' }).min(1).max(500).default(100),
};

/** A stored file's sha256 fingerprint, lower-case hex. */
export const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, { error: 'Must be a file fingerprint (64 hex characters).' });

export const UploadId = z.string().regex(/^[0-9a-f-]{36}$/, { error: 'Must be an upload number.' });
