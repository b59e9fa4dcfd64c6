/**
 * Column titles as the export writes them and the import reads them back: one
 * rule on both sides, so a custom field's column finds its field again.
 */

/** A title as compared: lower case, letters and digits only ("E-mail 1 - Value" → "email1value"). */
export const normalHeader = (header: string): string =>
  header
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');

/** Added to a custom field's label when a built-in column already has that title ("Notes (custom field)"). */
export const customFieldSuffix = ' (custom field)';
