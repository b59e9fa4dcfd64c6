import type { FieldIssue } from '../../../shared/errors';

// Keys that could reach an object's prototype if a later step copied them.
const forbiddenKeys = new Set(['__proto__', 'constructor', 'prototype']);
const maxDepth = 32;

function isPlainObject(value: object): boolean {
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/**
 * Finds the first value that is not plain JSON-like data (string, finite
 * number, boolean, null, plain object, array), or a key that could pollute a
 * prototype. IPC can carry Dates, Maps, BigInts and more; no channel wants them.
 */
export function findNonPlainValue(value: unknown, path: string[] = []): FieldIssue | undefined {
  const field = path.join('.') || 'input';
  switch (typeof value) {
    case 'string':
    case 'boolean':
    case 'undefined':
      return undefined;
    case 'number':
      return Number.isFinite(value) ? undefined : { field, message: 'Must be an ordinary number.' };
    case 'object':
      break;
    default:
      return { field, message: 'Must be text, a number, or a list of them.' };
  }
  if (value === null) return undefined;
  if (path.length >= maxDepth) return { field, message: 'Is nested too deeply.' };
  if (!Array.isArray(value) && !isPlainObject(value))
    return { field, message: 'Must be text, a number, or a list of them.' };
  for (const key of Object.keys(value)) {
    if (forbiddenKeys.has(key)) return { field: [...path, key].join('.'), message: 'This field name is not allowed.' };
    const nested = findNonPlainValue((value as Record<string, unknown>)[key], [...path, key]);
    if (nested) return nested;
  }
  return undefined;
}
