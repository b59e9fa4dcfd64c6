import { isValid, parse } from 'date-fns';

export type DateOrder = 'dmy' | 'mdy';

const isoDate = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const partsDate = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

/**
 * Which order a file's dates are in, from the dates themselves: a first part
 * over 12 can only be a day (day/month/year), a second part over 12 only a
 * day (month/day/year). Counts each, so one stray date does not decide.
 */
export function dateOrderEvidence() {
  let dayFirst = 0;
  let monthFirst = 0;
  return {
    see(text: string): void {
      const parts = partsDate.exec(text.trim());
      if (!parts) return;
      if (Number(parts[1]) > 12) dayFirst++;
      else if (Number(parts[2]) > 12) monthFirst++;
    },
    /** Day first unless the file's dates say month first: what most of the world writes. */
    order: (): DateOrder => (monthFirst > dayFirst ? 'mdy' : 'dmy'),
    counts: () => ({ dayFirst, monthFirst }),
  };
}

/** A date as stored (YYYY-MM-DD), or undefined when the text is not a real date in that order. ISO dates always read. */
export function readDate(text: string, order: DateOrder): string | undefined {
  const trimmed = text.trim();
  const iso = isoDate.exec(trimmed);
  const candidate = iso
    ? parse(`${iso[1]}-${iso[2]}-${iso[3]}`, 'yyyy-M-d', new Date(2000, 0, 1))
    : partsDate.test(trimmed)
      ? parse(trimmed.replace(/[.-]/g, '/'), order === 'dmy' ? 'd/M/yyyy' : 'M/d/yyyy', new Date(2000, 0, 1))
      : undefined;
  if (!candidate || !isValid(candidate)) return undefined;
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${candidate.getFullYear()}-${pad(candidate.getMonth() + 1)}-${pad(candidate.getDate())}`;
}
