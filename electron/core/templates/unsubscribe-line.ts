import { escapeHtml } from './markdown';

/**
 * The line every campaign message ends with: why the person gets it, and how
 * to stop (a reply the user records in one click as "unsubscribed").
 */
export function unsubscribeLine(campaignName: string): string {
  return `You receive this because you are on our list for “${campaignName}”. To stop these emails, reply with “unsubscribe”.`;
}

/** A message with the unsubscribe line after its body, in the text part and (when there is one) the HTML part. */
export function withUnsubscribeLine(
  message: { text: string; html: string | null },
  campaignName: string,
): { text: string; html: string | null } {
  const line = unsubscribeLine(campaignName);
  return {
    text: `${message.text.trimEnd()}\n\n--\n${line}\n`,
    html:
      message.html === null
        ? null
        : `${message.html}\n<hr>\n<p style="font-size:smaller;color:#555">${escapeHtml(line)}</p>`,
  };
}
