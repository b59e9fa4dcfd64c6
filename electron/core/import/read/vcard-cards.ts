import iconv from 'iconv-lite';
import { decode as decodeQuotedPrintable } from 'quoted-printable';
import { openText, type TextReadOptions } from './decoded-text';

/** One card's text as it stands in the file, ready for the vcf parser, and the line its BEGIN:VCARD is on. */
export interface CardText {
  line: number;
  text: string;
  /** The file ended before this card's END:VCARD. */
  unfinished?: boolean;
}

const withoutCr = (line: string) => (line.endsWith('\r') ? line.slice(0, -1) : line);

/**
 * The lines of a text stream. Only each new chunk is searched for line breaks, and the pieces of a line
 * are joined once it ends: gluing every chunk to the unfinished line made a 25 MB photo line take minutes.
 */
async function* linesOf(text: AsyncIterable<string>): AsyncGenerator<string> {
  let unfinished: string[] = [];
  for await (const chunk of text) {
    let start = 0;
    for (let end = chunk.indexOf('\n'); end !== -1; end = chunk.indexOf('\n', start)) {
      unfinished.push(chunk.slice(start, end));
      yield withoutCr(unfinished.join(''));
      unfinished = [];
      start = end + 1;
    }
    if (start < chunk.length) unfinished.push(chunk.slice(start));
  }
  const rest = unfinished.join('');
  if (rest !== '') yield withoutCr(rest);
}

const quotedPrintableParam = /;(?:ENCODING=)?QUOTED-PRINTABLE(?=;|$)/i;
const charsetParam = /;CHARSET=([^;:]+)(?=;|$)/i;

/**
 * vCard 2.1's quoted-printable values, which the vcf package leaves encoded:
 * the value's bytes are decoded (in the CHARSET the property names, UTF-8
 * when none), and the line is rewritten as a plain vCard line, its line
 * breaks escaped as \n the way 3.0 writes them.
 */
function decodedQuotedPrintableLine(line: string): string {
  const colon = line.indexOf(':');
  const head = line.slice(0, colon);
  const charset = charsetParam.exec(head)?.[1]?.trim() ?? 'utf-8';
  const bytes = Buffer.from(decodeQuotedPrintable(line.slice(colon + 1)), 'latin1');
  const value = iconv.decode(bytes, iconv.encodingExists(charset) ? charset : 'utf-8');
  const plainHead = head.replace(quotedPrintableParam, '').replace(charsetParam, '');
  return `${plainHead}:${value.replace(/\r\n|\r|\n/g, '\\n')}`;
}

/**
 * The cards of a .vcf file, streamed: lines are gathered from BEGIN:VCARD to
 * END:VCARD, so one card at a time is in memory whatever the file's size.
 * Here, and only here, quoted-printable is undone: its soft line breaks (a
 * line ending in "=" continues on the next) are joined and the value
 * decoded. Folded lines (the next line starting with a space or tab) are
 * left for vcf, which unfolds them.
 */
export async function* vcardTexts(file: string, options: TextReadOptions): AsyncGenerator<CardText> {
  const text = openText(file, options);
  text.setEncoding('utf8');
  let card: string[] | undefined;
  let cardLine = 0;
  let lineNumber = 0;
  let pendingQuoted: string | undefined;
  try {
    for await (const line of linesOf(text as AsyncIterable<string>)) {
      lineNumber++;
      if (pendingQuoted !== undefined) {
        // A soft line break right before END:VCARD (a careless writer) must not swallow the card's end.
        const cardEnds = /^\s*END:VCARD\s*$/i.test(line);
        if (!cardEnds) pendingQuoted += `\r\n${line}`;
        if (!cardEnds && line.endsWith('=')) continue;
        card?.push(decodedQuotedPrintableLine(pendingQuoted));
        pendingQuoted = undefined;
        if (!cardEnds) continue;
      }
      if (/^\s*BEGIN:VCARD\s*$/i.test(line)) {
        if (card) yield { line: cardLine, text: card.join('\r\n'), unfinished: true };
        card = ['BEGIN:VCARD'];
        cardLine = lineNumber;
        continue;
      }
      if (!card) continue;
      if (/^\s*END:VCARD\s*$/i.test(line)) {
        card.push('END:VCARD');
        // vcf refuses a card without VERSION; a few exporters leave it out, and 3.0 reads every such card right.
        if (!card.some((entry) => /^VERSION:/i.test(entry))) card.splice(1, 0, 'VERSION:3.0');
        yield { line: cardLine, text: card.join('\r\n') };
        card = undefined;
        continue;
      }
      const head = line.slice(0, Math.max(line.indexOf(':'), 0));
      if (quotedPrintableParam.test(head)) {
        if (line.endsWith('=')) pendingQuoted = line;
        else card.push(decodedQuotedPrintableLine(line));
        continue;
      }
      card.push(line);
    }
    if (card) yield { line: cardLine, text: card.join('\r\n'), unfinished: true };
  } finally {
    text.destroy();
  }
}
