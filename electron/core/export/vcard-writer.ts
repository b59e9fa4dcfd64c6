import { vcf } from './vcf-package';
import type { CustomField } from '../../../shared/schemas/custom-field';
import type { ContactRecord } from './records';
import type { RecordWriter } from './record-writer';
import { textFileWriter } from './text-file-writer';

const version = '4.0';

/** RFC 6350 text escaping: backslash, comma, semicolon and line breaks (vcf writes values as given). */
export function escapeText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/,/g, '\\,')
    .replace(/;/g, '\\;')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** N's parts from one name: the last word is the family name, the words before it the given names. */
export function nameParts(name: string): { family: string; given: string } {
  const words = name.trim().split(/\s+/);
  if (words.length < 2) return { family: '', given: words[0] ?? '' };
  return { family: words.at(-1)!, given: words.slice(0, -1).join(' ') };
}

/**
 * Folds a content line at 75 octets (RFC 6350 3.2), never inside a
 * character: vcf's own folding counts UTF-16 units and can cut an emoji in two.
 */
export function foldLine(line: string): string {
  if (Buffer.byteLength(line) <= 75) return line;
  const pieces: string[] = [];
  let piece = '';
  let octets = 0;
  for (const character of line) {
    const size = Buffer.byteLength(character);
    const limit = pieces.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      pieces.push(piece);
      piece = '';
      octets = 0;
    }
    piece += character;
    octets += size;
  }
  pieces.push(piece);
  return pieces.join('\r\n ');
}

const property = (field: string, value: string, params?: Record<string, string>) =>
  foldLine(new vcf.Property(field, value, params).toString(version));

/**
 * One vCard 4.0 per contact (formatted with vcf): FN, N from the name, EMAIL,
 * TEL, ORG, NOTE, CATEGORIES from the tags, and each custom value as an
 * X-ROLODESK-FIELD line holding the field's label and the value (two
 * escaped components, "Customer tier;Gold"), so any label survives and other
 * programs skip what they do not know.
 */
export function cardOf(contact: ContactRecord, fields: readonly CustomField[]): string {
  const { family, given } = nameParts(contact.name);
  const lines = [
    'BEGIN:VCARD',
    `VERSION:${version}`,
    property('fn', escapeText(contact.name)),
    property('n', [family, given, '', '', ''].map(escapeText).join(';')),
  ];
  if (contact.email) lines.push(property('email', escapeText(contact.email)));
  if (contact.phone) lines.push(property('tel', escapeText(contact.phone), { value: 'text' }));
  if (contact.company) lines.push(property('org', escapeText(contact.company)));
  if (contact.notes) lines.push(property('note', escapeText(contact.notes)));
  if (contact.tags.length > 0) lines.push(property('categories', contact.tags.map(escapeText).join(',')));
  for (const field of fields) {
    const value = contact.custom.get(field.id);
    if (value !== undefined)
      lines.push(property('xRolodeskField', `${escapeText(field.label)};${escapeText(String(value))}`));
  }
  lines.push('END:VCARD');
  return lines.join(vcf.EOL) + vcf.EOL;
}

/** A .vcf file of many cards, UTF-8 as vCard 4.0 requires. */
export function vcardWriter(path: string, fields: readonly CustomField[]): Promise<RecordWriter<ContactRecord>> {
  return textFileWriter<ContactRecord>(path, '', (records) =>
    records.map((contact) => cardOf(contact, fields)).join(''),
  );
}
