/**
 * One value of an exported row, typed so each writer can write it as its
 * format expects: text, an exact number, a calendar date (YYYY-MM-DD) or a
 * moment (an ISO time stamp in UTC). null is an empty cell.
 */
export type Cell = string | number | DateCell | null;

export interface DateCell {
  kind: 'date' | 'time';
  iso: string;
}

export const dateCell = (iso: string | null): DateCell | null => (iso === null ? null : { kind: 'date', iso });
export const timeCell = (iso: string | null): DateCell | null => (iso === null ? null : { kind: 'time', iso });

/** A cell as plain text: what a CSV file and a vCard hold. */
export function cellText(cell: Cell, decimalComma = false): string {
  if (cell === null) return '';
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'number') return decimalComma ? String(cell).replace('.', ',') : String(cell);
  return cell.iso;
}
