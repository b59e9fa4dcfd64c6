import { CsvError, parse } from 'csv-parse';
import { openText, type TextReadOptions } from './decoded-text';
import type { RawRecord } from './raw-record';
import { refusals } from './refusals';
import type { Delimiter } from './source';

/**
 * Past this many characters in one record the parser gives up instead of
 * holding the rest of the file in memory: that is an opening quote that never
 * closes, not a real value (a 10,000-character note is far below it).
 */
const maxRecordCharacters = 8 * 1024 * 1024;

/**
 * The records of a delimited text file, streamed, each with the physical line
 * it starts on (a quoted value spanning lines moves the next record down).
 * Line breaks inside values come out as \n whatever the file used.
 * Empty lines come through as blank records so the count stays true; the
 * caller skips them.
 */
export async function* csvRecords(
  file: string,
  delimiter: Delimiter,
  options: TextReadOptions,
): AsyncGenerator<RawRecord> {
  const parser = parse({
    delimiter,
    relax_column_count: true,
    // A stray quote inside an unquoted value (5" floppy, O"Neil) is kept as text rather than failing the file.
    relax_quotes: true,
    skip_empty_lines: false,
    max_record_size: maxRecordCharacters,
  });
  const text = openText(file, options, parser);
  let line = 1;
  try {
    for await (const record of text as AsyncIterable<string[]>) {
      let breaks = 0;
      const cells = record.map((cell) => {
        if (!cell.includes('\n') && !cell.includes('\r')) return cell;
        breaks += cell.split('\n').length - 1;
        return cell.replace(/\r\n?/g, '\n');
      });
      yield { line, cells };
      // A record spans one line plus the line breaks inside its quoted values: they can be nowhere else.
      // (csv-parse's own line count takes a CRLF inside quotes for two lines.)
      line += 1 + breaks;
    }
  } catch (error) {
    if (error instanceof CsvError) {
      if (error.code === 'CSV_QUOTE_NOT_CLOSED') throw refusals.unclosedQuote(line);
      // csv-parse does not say whether it was inside quotes; a runaway quote is by far the likeliest cause.
      if (error.code === 'CSV_MAX_RECORD_SIZE') throw refusals.rowTooLong(line);
      throw refusals.unreadableLine(line);
    }
    throw error;
  } finally {
    text.destroy();
  }
}
