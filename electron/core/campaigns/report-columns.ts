import type { MemberStatus } from '../../../shared/schemas/marketing';
import { CrmError } from '../errors';

/** "E-mail Address" → "emailaddress": case, accents, spaces and punctuation do not matter in a column title or a value. */
export const simplified = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

const emailTitles = new Set(['email', 'emailaddress', 'mail', 'mailaddress']);
const statusTitles = new Set(['status', 'memberstatus', 'event', 'activity', 'action', 'result']);

/** The words email tools use for a status, simplified, and what each means here. Clicking a link means the message was opened. */
const statusWords: Record<string, Exclude<MemberStatus, 'planned'>> = {
  sent: 'sent',
  delivered: 'sent',
  opened: 'opened',
  open: 'opened',
  clicked: 'opened',
  click: 'opened',
  replied: 'replied',
  reply: 'replied',
  converted: 'converted',
  conversion: 'converted',
  bounced: 'bounced',
  bounce: 'bounced',
  hardbounce: 'bounced',
  softbounce: 'bounced',
  hardbounced: 'bounced',
  softbounced: 'bounced',
  unsubscribed: 'unsubscribed',
  unsubscribe: 'unsubscribed',
};

/** Mailchimp-style columns: one per event, yes or no. */
const flagColumns: Record<string, Exclude<MemberStatus, 'planned' | 'sent'>> = {
  opened: 'opened',
  opens: 'opened',
  clicked: 'opened',
  clicks: 'opened',
  replied: 'replied',
  converted: 'converted',
  bounced: 'bounced',
  bounce: 'bounced',
  unsubscribed: 'unsubscribed',
  unsubscribe: 'unsubscribed',
};
const yes = new Set(['yes', 'y', 'true', 'x', 'ja', 'oui', 'si']);
const no = new Set(['no', 'n', 'false', '', 'nein', 'non']);

/**
 * How far along each status is. A report only ever moves a member forward:
 * sent never overwrites replied. A bounce counts after sent (an open proves
 * the message arrived after all); unsubscribed is final.
 */
export const statusRank: Record<MemberStatus, number> = {
  planned: 0,
  sent: 1,
  bounced: 2,
  opened: 3,
  replied: 4,
  converted: 5,
  unsubscribed: 6,
};

export const furthest = (a: MemberStatus, b: MemberStatus): MemberStatus => (statusRank[b] > statusRank[a] ? b : a);

/** A row's status, or the text that could not be read as one. */
export type RowStatus = { status: Exclude<MemberStatus, 'planned'> } | { unknown: string };

export interface ReportLayout {
  emailColumn: number;
  statusOf: (cells: readonly string[]) => RowStatus;
}

function flagValue(text: string): boolean | undefined {
  const word = simplified(text);
  if (yes.has(word)) return true;
  if (no.has(word)) return false;
  // Counts ("Opens: 3") read as yes when above zero.
  return /^\d+$/.test(word) ? Number(word) > 0 : undefined;
}

/**
 * Finds the email column and how the report says each row's status: a
 * status column (Brevo-style: "opened", "hard bounce"), or yes/no columns
 * (Mailchimp-style: Opened, Clicked, Bounced, Unsubscribed; a row with none
 * ticked was sent). Refuses a report without either, naming the columns it has.
 */
export function reportLayout(headers: readonly string[]): ReportLayout {
  const titles = headers.map(simplified);
  const emailColumn = titles.findIndex((title) => emailTitles.has(title));
  const columnList =
    headers
      .slice(0, 12)
      .map((header) => `“${header}”`)
      .join(', ') + (headers.length > 12 ? '…' : '');
  if (emailColumn === -1) {
    throw new CrmError(
      'FILE_REFUSED',
      `This report has no email column, so no one can be matched. Its columns are ${columnList}. Add a column titled “Email” and try again.`,
    );
  }
  const statusColumn = titles.findIndex((title) => statusTitles.has(title));
  if (statusColumn !== -1) {
    return {
      emailColumn,
      statusOf(cells) {
        const text = (cells[statusColumn] ?? '').trim();
        const status = statusWords[simplified(text)];
        return status ? { status } : { unknown: text === '' ? '(empty)' : text };
      },
    };
  }
  const flags = titles.flatMap((title, column) =>
    flagColumns[title] ? [{ column, status: flagColumns[title], header: headers[column]! }] : [],
  );
  if (flags.length === 0) {
    throw new CrmError(
      'FILE_REFUSED',
      `This report has no status column (such as “Status”) and no yes/no columns (such as “Opened” or “Bounced”), so Rolodesk cannot tell what happened. Its columns are ${columnList}.`,
    );
  }
  return {
    emailColumn,
    statusOf(cells) {
      let status: Exclude<MemberStatus, 'planned'> = 'sent';
      for (const flag of flags) {
        const text = cells[flag.column] ?? '';
        const ticked = flagValue(text);
        if (ticked === undefined) return { unknown: `${flag.header}: ${text.trim()}` };
        if (ticked) status = furthest(status, flag.status) as Exclude<MemberStatus, 'planned'>;
      }
      return { status };
    },
  };
}
