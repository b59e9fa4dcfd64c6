import { z } from 'zod';
import type { ConsentStatus } from '../../../shared/schemas/marketing';

/** The words a file may use for each consent status, as normalised by `normalWord`. */
const wordsFor: Record<ConsentStatus, readonly string[]> = {
  subscribed: ['subscribed', 'subscribe', 'yes', 'y', 'true', 'opt in', 'opted in', 'opt ed in'],
  not_asked: ['not asked', 'never asked', 'unknown'],
  unsubscribed: ['unsubscribed', 'unsubscribe', 'no', 'n', 'false', 'opt out', 'opted out', 'optout', 'optedout'],
  do_not_contact: ['do not contact', 'dont contact', 'dnc', 'never contact'],
};

const statusOfWord = new Map(
  Object.entries(wordsFor).flatMap(([status, words]) => words.map((word) => [word, status as ConsentStatus] as const)),
);

/** Lower case, accents off, "-" "_" and runs of spaces as one space, apostrophes and full stops gone: "Opted-Out", "Do not contact." alike. */
function normalWord(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’.]/g, '')
    .replace(/[-_\s]+/g, ' ')
    .trim();
}

/** The consent status a cell names, or undefined when it names none. */
export function consentOfWord(text: string): ConsentStatus | undefined {
  return statusOfWord.get(normalWord(text));
}

/** A consent cell as the import checks it: '' stays '' (left as it is), a known word becomes its status, anything else is a problem in words. */
export const ConsentCell = z.string().transform((text, context) => {
  if (text.trim() === '') return '';
  const status = consentOfWord(text);
  if (status !== undefined) return status;
  context.addIssue({
    code: 'custom',
    message: `“${text.trim().slice(0, 40)}” is not a consent status Rolodesk knows (use subscribed, not asked, unsubscribed or do not contact; yes, no and opted out work too).`,
  });
  return '';
});
