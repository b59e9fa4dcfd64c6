const dayFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });

/** A calendar day (YYYY-MM-DD) as a local date: parsing it with Date() would read it as UTC midnight and show the day before in the Americas. */
function localDay(iso: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return match ? new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : null;
}

/** "12 Dec 2026". */
export function formatCloseDate(iso: string): string {
  const day = localDay(iso);
  return day ? dayFormat.format(day) : iso;
}

/** An open deal whose expected close day has passed: worth a second look. */
export function isOverdue(iso: string, now = new Date()): boolean {
  const day = localDay(iso);
  return day !== null && day < new Date(now.getFullYear(), now.getMonth(), now.getDate());
}
