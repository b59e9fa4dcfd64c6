import { createHash } from 'node:crypto';

/**
 * The log keeps no one's personal data (issue 13): a name, an email address,
 * a file name or a path with the user's name in it is written as a short
 * fingerprint instead. The same value always gives the same fingerprint, so
 * support can still tell that two lines are about the same thing, or check a
 * value the user tells them, without the log file holding it.
 */

/** Where the app's own data and the user's home are; both are replaced by a short token in every logged string. */
export interface LogPlaces {
  dataDir?: string;
  homeDir?: string;
  /** The account's name, hidden where it is a folder in a path outside the home folder (/media/ana/USB). */
  userName?: string;
}

const fingerprintLength = 12;
const open = '“';
const close = '”';

/** The first 12 hex of the value's sha256, marked with #: the one way a user's value appears in the log. */
export function fingerprint(value: string): string {
  return `#${createHash('sha256').update(value, 'utf8').digest('hex').slice(0, fingerprintLength)}`;
}

const isFingerprint = (text: string) => /^#[0-9a-f]{12}$/.test(text);

/**
 * A path chosen by the user (an export, a backup folder), marked as a value
 * to hide: the file logger writes it as <data>/… inside the data folder and
 * as a fingerprint anywhere else (a folder's name may be a client's).
 */
export function pathForLog(path: string): string {
  return `${open}${path}${close}`;
}

/**
 * Every “…” span (our messages quote a user's value that way) becomes a
 * fingerprint. A value may itself hold quotes, so the span runs to the
 * matching close quote, then on to the last stray close quote before the next
 * span; one left open runs to the end. Over-hiding a few words is fine,
 * showing part of a name is not.
 */
export function fingerprintQuoted(text: string, keep: (inner: string) => boolean = () => false): string {
  if (!text.includes(open) && !text.includes(close)) return text;
  let out = '';
  let index = 0;
  while (index < text.length) {
    const start = text.indexOf(open, index);
    if (start === -1) break;
    let depth = 0;
    let end = -1;
    let cursor = start;
    for (; cursor < text.length; cursor++) {
      const char = text[cursor];
      if (char === open) {
        if (depth === 0 && end !== -1) break; // the next span starts
        depth++;
      } else if (char === close && (depth > 0 || end !== -1)) {
        depth = Math.max(0, depth - 1);
        if (depth === 0) end = cursor;
      }
    }
    if (depth > 0 || end === -1) end = text.length - 1;
    const inner = text.slice(start + 1, text[end] === close ? end : end + 1);
    out += text.slice(index, start) + open + (isFingerprint(inner) || keep(inner) ? inner : fingerprint(inner)) + close;
    index = end + 1;
  }
  return out + text.slice(index);
}

// An address anywhere in a string (a mail server's answer, a value quoted without “ ”); no / or \ so package paths (node_modules/@scope) stay.
const emailPattern = /[^\s@“”"'`<>()[\]{},;:/\\]+@[^\s@“”"'`<>()[\]{},;:/\\]+\.[^\s@“”"'`<>()[\]{},;:/\\.]+/gu;

/** Hides the user's values a message carries wherever it came from: quoted spans and email addresses. */
export function redactUserValues(text: string): string {
  return fingerprintQuoted(text, (inner) => inner.startsWith('<data>')).replace(emailPattern, (address) =>
    fingerprint(address),
  );
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A folder as it may appear in text: as given, and with the other kind of slash (Windows paths in URLs, say). */
function spellings(folder: string): string[] {
  const trimmed = folder.replace(/[\\/]+$/, '');
  return [...new Set([trimmed, trimmed.replace(/\\/g, '/'), trimmed.replace(/\//g, '\\')])].filter(
    (spelling) => spelling.length > 1,
  );
}

function replaceFolder(text: string, folder: string | undefined, token: string): string {
  if (!folder) return text;
  let result = text;
  for (const spelling of spellings(folder)) {
    // Only the whole folder: /home/ana, not /home/anabel.
    result = result.replace(new RegExp(`${escapeRegExp(spelling)}(?![\\p{L}\\p{N}_.-])`, 'gu'), token);
  }
  return result;
}

// The system quotes paths in its messages: ENOENT: no such file or directory, open '/home/ana/Zoë.pdf'.
const quotedPathPattern = /'((?:\/|[A-Za-z]:\\|\\\\)[^'\n]*)'/g;
const wholePathPattern = /^(?:\/|[A-Za-z]:\\|\\\\)[^\n]*$/;

/** A whole string as the log file may hold it: the data folder as <data>, the home folder as ~, and no user's value. */
export function redactText(text: string, places: LogPlaces): string {
  const withData = replaceFolder(text, places.dataDir, '<data>');
  // A value that is a whole path outside the data folder (a copy handed to another program, a chosen file).
  if (wholePathPattern.test(withData)) return fingerprint(withData);
  const withPaths = withData.replace(quotedPathPattern, (_, path: string) => `'${fingerprint(path)}'`);
  return redactUserValues(hideUserName(replaceFolder(withPaths, places.homeDir, '~'), places.userName));
}

function hideUserName(text: string, userName: string | undefined): string {
  if (!userName || userName.length < 2) return text;
  return text.replace(new RegExp(`(?<=[\\\\/])${escapeRegExp(userName)}(?=[\\\\/'"”]|$)`, 'gu'), '<user>');
}

const maxDepth = 8;

/** Any value a log line carries with `redact` applied to every string in it: objects, arrays and errors (with their causes) all the way down. */
export function redactDeep(
  value: unknown,
  redact: (text: string) => string,
  depth = 0,
  seen = new WeakSet<object>(),
): unknown {
  if (typeof value === 'string') return redact(value);
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return '[circular]';
  if (depth >= maxDepth) return '[nested too deep]';
  seen.add(value);
  if (value instanceof Error) return redactDeep(errorFields(value), redact, depth + 1, seen);
  if (Array.isArray(value)) return value.map((item) => redactDeep(item, redact, depth + 1, seen));
  if (value instanceof Date) return value.toISOString();
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key, redactDeep(item, redact, depth + 1, seen)]),
  );
}

/** A value as the log file may hold it (see redactText). */
export function redactForLog(value: unknown, places: LogPlaces): unknown {
  return redactDeep(value, (text) => redactText(text, places));
}

/** Something thrown that is not an Error, as text: never an object's or function's contents, which may hold personal data. */
function thrownText(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
    case 'boolean':
    case 'bigint':
    case 'symbol':
      return String(value);
    default:
      // "[object Object]", "[object Null]", "[object Function]": the kind of thing, nothing from inside it.
      return value === null ? 'null' : Object.prototype.toString.call(value);
  }
}

/** An error's parts as plain data, its cause and inner errors included (redaction is the caller's). */
export function errorFields(error: Error, depth = 0): Record<string, unknown> {
  const code = (error as { code?: unknown }).code;
  const fields: Record<string, unknown> = {
    name: error.name,
    message: error.message,
    ...(code === undefined ? {} : { code }),
    stack: error.stack,
  };
  if (depth >= 4) return fields;
  const inner = (value: unknown) =>
    value instanceof Error ? errorFields(value, depth + 1) : value === undefined ? undefined : thrownText(value);
  if (error.cause !== undefined) fields.cause = inner(error.cause);
  if (error instanceof AggregateError) fields.errors = error.errors.map(inner);
  return fields;
}
