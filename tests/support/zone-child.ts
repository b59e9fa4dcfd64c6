/**
 * Child process for callsInZone: calls exported functions of one module and
 * prints their results as JSON. Runs with the TZ it was started with.
 * Argument: the module's path; on standard input, a JSON list of [function name, ...arguments].
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const instant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/;

/** Moments cross as ISO text ("…Z"); everything else as it is. */
function revive(value: unknown): unknown {
  if (typeof value === 'string' && instant.test(value)) return new Date(value);
  if (Array.isArray(value)) return value.map(revive);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, revive(inner)]));
  return value;
}

function plain(value: unknown): unknown {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
  if (value instanceof Set) return [...value].map(plain).sort();
  if (Array.isArray(value)) return value.map(plain);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, plain(inner)]));
  return value;
}

async function main(modulePath: string, callsJson: string): Promise<void> {
  const exported = (await import(pathToFileURL(modulePath).href)) as Record<string, (...args: unknown[]) => unknown>;
  const calls = JSON.parse(callsJson) as Array<[string, ...unknown[]]>;
  const results = calls.map(([name, ...args]) => {
    const fn = exported[name];
    if (typeof fn !== 'function') throw new Error(`${modulePath} exports no function ${name}`);
    return plain(fn(...args.map(revive)));
  });
  process.stdout.write(JSON.stringify(results));
}

void main(process.argv[2]!, readFileSync(0, 'utf8'));
