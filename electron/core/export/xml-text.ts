/**
 * Characters XML 1.0 does not allow at all, not even escaped: control
 * characters other than tab, line feed and carriage return; half of a
 * surrogate pair without its other half; U+FFFE and U+FFFF. One of them makes
 * the whole file unreadable, so they are dropped (emoji, whole pairs, stay).
 */
const forbiddenInXml =
  // eslint-disable-next-line no-control-regex -- these control characters are exactly what XML 1.0 forbids
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text that must be written differently: markup, CR, "_x0041_"-like text, any surrogate (checked for a lone half) or forbidden character. */
// eslint-disable-next-line no-control-regex -- the forbidden control characters above, found so they can be dropped
const needsWork = /[&<>"\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]|_x/;

const markup: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/**
 * Text as a SpreadsheetML part holds it (a cell, a sheet name): forbidden
 * characters dropped, markup escaped. Two rules of the format on top of XML's:
 * text like "_x0041_" is read by Excel as an escaped character ("A"), so its
 * underscore is escaped itself ("_x005F_x0041_"); and a carriage return is
 * written as Excel writes it, "_x000D_", since XML reads a bare one as a line feed.
 */
export function xmlText(text: string): string {
  if (!needsWork.test(text)) return text;
  return text
    .replace(forbiddenInXml, '')
    .replace(/_(?=x[0-9A-Fa-f]{4}_)/g, '_x005F_')
    .replace(/[&<>"]/g, (character) => markup[character]!)
    .replaceAll('\r', '_x000D_');
}

/** The first `length` UTF-16 units of text, one fewer where the cut would split a surrogate pair (half a pair is not allowed in XML). */
export function headOf(text: string, length: number): string {
  if (text.length <= length) return text;
  const lastKept = text.charCodeAt(length - 1);
  return text.slice(0, lastKept >= 0xd800 && lastKept <= 0xdbff ? length - 1 : length);
}

/** Text with characters XML 1.0 does not allow dropped, and nothing else changed. */
export const withoutForbiddenCharacters = (text: string): string => text.replace(forbiddenInXml, '');

/** Whether a spreadsheet would lose some of this text's white space unless told to keep it (xml:space="preserve"). */
export const needsSpacePreserved = (text: string): boolean => /^\s|\s$|[\t\n\r]| {2}/.test(text);
