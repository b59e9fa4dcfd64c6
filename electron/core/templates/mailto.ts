import { CrmError } from '../errors';

// Mail apps and Windows' shell cut longer links off; past this the CSV or sending is the way.
export const mailtoMaxLength = 30_000;

/** A mailto: link (RFC 6068) with every part percent-encoded: spaces, line breaks, "&" and "?" in a value cannot change the link. */
export function mailtoLink(to: string, subject: string, body: string): string {
  const link = `mailto:${encodeURIComponent(to).replaceAll('%40', '@')}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body.replace(/\r?\n/g, '\r\n'))}`;
  if (link.length > mailtoMaxLength) {
    throw new CrmError(
      'VALIDATION',
      'This message is too long to hand to a mail app. Export it for a mail tool (CSV) or queue it for sending instead.',
    );
  }
  return link;
}

/** The guard main applies before handing a link to the system: only mailto: links ever leave Rolodesk this way. */
export function checkedMailto(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new CrmError('FORBIDDEN', 'Rolodesk only opens email links in your mail app.');
  }
  if (parsed.protocol !== 'mailto:')
    throw new CrmError('FORBIDDEN', 'Rolodesk only opens email links in your mail app.');
  return url;
}
