import type { ChannelName, Input, Output } from '../../shared/contract';
import {
  delimiters,
  textEncodings,
  type ColumnTarget,
  type ImportKind,
  type ReadOptions,
} from '../../shared/schemas/import';
import type { Result } from '../../shared/result';
import { CrmError } from '../core/errors';
import { normalHeader } from '../core/records/column-titles';

export interface ImportCommandOptions {
  kind?: string | undefined;
  encoding?: string | undefined;
  delimiter?: string | undefined;
  duplicates?: string | undefined;
  map?: string | undefined;
  dryRun?: boolean | undefined;
}

interface Dispatcher {
  dispatch: (channel: unknown, input: unknown) => Promise<Result<unknown>>;
}

/** Thrown for options the command line cannot use (exit code 1, the usage printed). */
export type UsageProblem = (message: string) => Error;

const kinds: Record<string, ImportKind> = {
  contacts: 'contact',
  contact: 'contact',
  companies: 'company',
  company: 'company',
};
const duplicateChoices = {
  skip: 'skip',
  update: 'fill',
  fill: 'fill',
  overwrite: 'overwrite',
  create: 'create',
} as const;
const delimiterWords: Record<string, (typeof delimiters)[number]> = {
  ',': ',',
  comma: ',',
  ';': ';',
  semicolon: ';',
  tab: '\t',
  '\\t': '\t',
  '\t': '\t',
  '|': '|',
  pipe: '|',
};
const encodingWords: Record<string, (typeof textEncodings)[number]> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  'utf-16le': 'utf-16le',
  utf16le: 'utf-16le',
  'utf-16be': 'utf-16be',
  utf16be: 'utf-16be',
  'windows-1252': 'windows-1252',
  cp1252: 'windows-1252',
  ansi: 'windows-1252',
  'iso-8859-1': 'iso-8859-1',
  latin1: 'iso-8859-1',
  'latin-1': 'iso-8859-1',
};

async function answer<C extends ChannelName>(core: Dispatcher, channel: C, input: Input<C>): Promise<Output<C>> {
  const result = await core.dispatch(channel, input);
  if (!result.ok) throw new CrmError(result.error.code, result.error.message);
  return result.data as Output<C>;
}

function chosen<T>(
  words: Record<string, T>,
  given: string | undefined,
  what: string,
  usage: UsageProblem,
): T | undefined {
  if (given === undefined) return undefined;
  const value = words[given.toLowerCase()];
  if (value === undefined)
    throw usage(
      `Unknown ${what} "${given}". Use one of: ${Object.keys(words)
        .filter((word) => word !== '\t')
        .join(', ')}.`,
    );
  return value;
}

/**
 * "Column A=name,3=notes,Labels=tag": each column by its header (any
 * capitals) or 1-based number, each field by its name ("email", "first
 * name"), a custom field's label, "tag" or "ignore". Columns not named are
 * ignored: the mapping is exactly the one given.
 */
export function parseMap(
  text: string,
  headers: readonly string[],
  targets: ReadonlyArray<{ target: ColumnTarget; label: string }>,
  usage: UsageProblem,
): ColumnTarget[] {
  const mapping: ColumnTarget[] = headers.map(() => 'ignore');
  const byName = new Map<string, ColumnTarget>();
  for (const { target, label } of targets) {
    byName.set(normalHeader(label), target);
    byName.set(normalHeader(target), target);
  }
  byName.set('tags', 'tag');
  for (const pair of text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)) {
    const split = pair.lastIndexOf('=');
    if (split <= 0) throw usage(`--map: "${pair}" is not Column=field.`);
    const column = pair.slice(0, split).trim();
    const field = pair.slice(split + 1).trim();
    const index = /^\d+$/.test(column)
      ? Number(column) - 1
      : headers.findIndex((header) => normalHeader(header) === normalHeader(column));
    if (index < 0 || index >= headers.length)
      throw usage(
        `--map: the file has no column "${column}". Its columns are: ${headers.map((header, at) => `${at + 1} ${header}`).join(', ')}.`,
      );
    const target = byName.get(normalHeader(field));
    if (target === undefined)
      throw usage(`--map: "${field}" is not a field. Use one of: ${targets.map((option) => option.label).join(', ')}.`);
    mapping[index] = target;
  }
  return mapping;
}

/**
 * `import --file F`: the file detected and mapped as the wizard would (or by
 * --map), then previewed (--dry-run: nothing changed) or imported in one
 * transaction; prints the counts and the rejected lines. Returns whether
 * anything could be imported.
 */
export async function importCommand(
  core: Dispatcher,
  options: ImportCommandOptions,
  out: (line: string) => void,
  usage: UsageProblem,
): Promise<boolean> {
  const kind = chosen(kinds, options.kind ?? 'contacts', 'kind', usage)!;
  const duplicates = chosen(duplicateChoices, options.duplicates ?? 'skip', 'duplicates choice', usage)!;
  const read: ReadOptions = {};
  const encoding = chosen(encodingWords, options.encoding, 'encoding', usage);
  const delimiter = chosen(delimiterWords, options.delimiter, 'delimiter', usage);
  if (encoding) read.encoding = encoding;
  if (delimiter) read.delimiter = delimiter;

  const opened = await answer(core, 'import.open', { kind, source: { type: 'dialog' } });
  if (!opened) throw usage('import needs --file <file>.');
  const inspection = await answer(core, 'import.inspect', { importId: opened.importId, read });
  const { info } = inspection;
  const how = [
    info.format === 'csv' ? 'CSV' : info.format === 'xlsx' ? `Excel workbook, sheet "${info.sheet ?? ''}"` : 'vCard',
    info.encoding
      ? `${info.encoding.name}${info.encoding.name === info.encoding.detected ? ' (detected)' : ` (chosen; detected ${info.encoding.detected})`}`
      : undefined,
    info.delimiter ? `separated by ${info.delimiter === '\t' ? 'tabs' : `"${info.delimiter}"`}` : undefined,
    info.format === 'vcard' ? undefined : info.hasHeader ? 'first row is the column titles' : 'no title row',
  ].filter(Boolean);
  out(`Read ${opened.fileName}: ${how.join(', ')}.`);
  const mapping =
    options.map !== undefined ? parseMap(options.map, info.headers, inspection.targets, usage) : inspection.suggested;
  const labels = new Map(inspection.targets.map((option) => [option.target, option.label]));
  const source =
    options.map !== undefined
      ? 'as given'
      : inspection.remembered
        ? 'as last time'
        : inspection.preset === 'Plain list'
          ? 'matched by their titles'
          : inspection.preset
            ? `recognised as ${inspection.preset}`
            : 'guessed from the titles';
  out(
    `Columns (${source}): ${info.headers.map((header, column) => `${header} → ${labels.get(mapping[column]!) ?? mapping[column]}`).join('; ')}.`,
  );

  const plan = { importId: opened.importId, read, mapping, duplicates };
  if (options.dryRun) {
    const preview = await answer(core, 'import.preview', plan);
    const { counts } = preview;
    out(
      `Dry run, nothing changed: would create ${counts.create}, update ${counts.update}, skip ${counts.skip}, reject ${counts.reject}.`,
    );
    const rejected = preview.rows.filter((row) => row.outcome === 'reject');
    for (const row of rejected) out(`  line ${row.line}: ${row.problems.join(' ')}`);
    if (counts.reject > rejected.length)
      out(`  (${counts.reject - rejected.length} more rejected rows beyond the first ${preview.rows.length} rows)`);
    return counts.create + counts.update + counts.skip > 0;
  }
  const summary = await answer(core, 'import.run', plan);
  out(
    `Imported ${opened.fileName}: ${summary.created} created, ${summary.updated} updated, ${summary.skipped} skipped, ${summary.rejected} rejected, tagged "${summary.tagName}" (${summary.seconds} s).`,
  );
  for (const row of summary.rejectedRows) out(`  line ${row.line}: ${row.reasons.join(' ')}`);
  if (summary.rejected > summary.rejectedRows.length)
    out(
      `  (${summary.rejected - summary.rejectedRows.length} more rejected rows; Settings › Imports in Rolodesk saves them all as a CSV)`,
    );
  if (summary.created + summary.updated > 0) out(`Undo it in Rolodesk: Settings › Imports (for 30 days).`);
  return summary.created + summary.updated + summary.skipped > 0;
}
