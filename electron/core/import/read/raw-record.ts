/** One record as the file holds it, before it is matched to the columns: its starting line and its cells. */
export interface RawRecord {
  line: number;
  cells: string[];
}

export const isBlank = (cells: readonly string[]) => cells.every((cell) => cell.trim() === '');

/** Drops empty cells at the end of a record: "a,b,," is two values, as Excel writes trailing separators freely. */
export function withoutTrailingEmpty(cells: string[]): string[] {
  let end = cells.length;
  while (end > 0 && cells[end - 1]!.trim() === '') end--;
  return end === cells.length ? cells : cells.slice(0, end);
}
