import { z } from 'zod';
import { IdList } from './common';
import { ListSelector, maxBulkIds } from './bulk';

export const exportFormats = ['csv', 'xlsx', 'vcard'] as const;
export type ExportFormat = (typeof exportFormats)[number];

/** Comma for most of the world; semicolon where Excel expects it (where the comma is the decimal point). */
export const csvDelimiters = [',', ';'] as const;
export type CsvDelimiter = (typeof csvDelimiters)[number];

export const vcardOnlyForContacts =
  'vCard holds people: only contacts can be exported as vCard. Choose CSV or Excel for this list.';

/**
 * A list as its screen shows it (search, filters, sort), written to a file
 * the user chooses. `ids`: only the ticked rows, in the list's order;
 * `except`: every row but these (a select-all with some unticked, of any
 * size). Every matching row is written; nothing is cut short.
 */
export const ExportRequest = z
  .strictObject({
    list: ListSelector,
    ids: IdList(maxBulkIds).optional(),
    except: IdList(maxBulkIds).optional(),
    format: z.enum(exportFormats),
    delimiter: z.enum(csvDelimiters).optional(),
  })
  .superRefine((request, context) => {
    if (request.format === 'vcard' && request.list.kind !== 'contact')
      context.addIssue({ code: 'custom', path: ['format'], message: vcardOnlyForContacts });
    if (request.ids !== undefined && request.except !== undefined)
      context.addIssue({
        code: 'custom',
        path: ['except'],
        message: 'Name the ticked rows or the unticked ones, not both.',
      });
    if (request.delimiter !== undefined && request.format !== 'csv')
      context.addIssue({ code: 'custom', path: ['delimiter'], message: 'Only a CSV file has a delimiter.' });
  });
export type ExportRequest = z.input<typeof ExportRequest>;

/** saved false: the user closed the save dialog. rows: how many records the file holds. */
export const ExportResult = z.strictObject({
  saved: z.boolean(),
  rows: z.int().min(0),
  fileName: z.string().optional(),
});
export type ExportResult = z.infer<typeof ExportResult>;

/** How far an export is: the fraction done and the rows written so far. */
export const ExportProgress = z.strictObject({ fraction: z.number().min(0).max(1), rows: z.int().min(0) });
export type ExportProgress = z.infer<typeof ExportProgress>;
