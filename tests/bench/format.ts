const number = (value: number, digits = 0) =>
  value.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** Milliseconds with about three significant digits. */
export function formatMs(ms: number): string {
  if (ms >= 10_000) return `${number(ms / 1000, 1)} s`;
  if (ms >= 100) return `${number(ms)} ms`;
  if (ms >= 10) return `${number(ms, 1)} ms`;
  if (ms >= 1) return `${number(ms, 2)} ms`;
  return `${number(ms, 3)} ms`;
}

/** Operations per second from milliseconds per operation. */
export function formatRate(msPerOperation: number, unit: string): string {
  return `${number(1000 / msPerOperation)} ${unit}`;
}

export function formatRatio(rolodeskMs: number, referenceMs: number): string {
  return referenceMs > 0 ? number(rolodeskMs / referenceMs, 2) : 'n/a';
}

export function formatMegabytes(bytes: number): string {
  return `${number(bytes / 1024 / 1024, 1)} MB`;
}

export const formatCount = (value: number): string => number(value);
