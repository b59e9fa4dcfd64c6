import fc from 'fast-check';

/** One generated request body and the kind of change that made it (for the counts printed at the end). */
export interface FuzzedInput {
  kind: string;
  input: unknown;
}

const megabyte = 1024 * 1024;

/**
 * Text that has broken programs before: NUL, right-to-left overrides, joined
 * emoji, a lone surrogate, SQL, paths, formulas, format strings, blank space.
 */
const awkwardText = fc.constantFrom(
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\u202Eevil\u202C',
  'שלום עולם',
  '👩‍👩‍👧‍👦🦊',
  '\uD800',
  'Zoë Öztürk',
  "'; DROP TABLE contacts; --",
  '../../../etc/passwd',
  '=HYPERLINK("http://x")',
  '%s%n{{name}}',
  '\r\n\t',
  'null',
  'undefined',
  '__proto__',
  'snapshot-20260101-000000-000',
  '00000000-0000-4000-8000-000000000000',
  '2026-02-30',
  '2026-01-02T03:04:05.000Z',
  'x'.repeat(10_001),
);

/** Huge text (1–10 MB): kept rare by the callers, since each one costs its size in every check. */
const hugeText = fc
  .tuple(fc.integer({ min: 1, max: 10 }), fc.constantFrom('x', 'é', '🦊', ','))
  .map(([size, unit]) => unit.repeat(Math.ceil((size * megabyte) / unit.length)));

const boundaryNumber = fc.constantFrom(
  0,
  -0,
  1,
  -1,
  2,
  7,
  0.5,
  -0.5,
  999_999,
  2 ** 31 - 1,
  2 ** 31,
  -(2 ** 31),
  2 ** 53,
  Number.MAX_SAFE_INTEGER,
  -Number.MAX_SAFE_INTEGER,
  1e308,
  Number.MIN_VALUE,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
);

/** Ids the database does not hold (or cannot), beside a few it does. */
const idLike = fc.oneof(fc.constantFrom(0, -1, -999, 1, 2, 3, 999_999, 2 ** 53 - 1), fc.integer({ min: -10, max: 20 }));

function deeplyNested(depth: number, asArray: boolean): unknown {
  let value: unknown = 'bottom';
  for (let level = 0; level < depth; level++) value = asArray ? [value] : { next: value };
  return value;
}

/** [1, <missing>, 3]: a sparse array, with a hole where plain data has a value. */
function holeyArray(): number[] {
  const holey: number[] = [];
  holey[0] = 1;
  holey[2] = 3;
  return holey;
}

function cyclic(): unknown {
  const node: Record<string, unknown> = { name: 'loop' };
  node.self = node;
  return node;
}

/** An object whose own key is "__proto__" (or another dangerous name), the way structured clone and JSON.parse make it. */
export function withOwnKey(target: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true });
  return target;
}

const prototypeKey = fc.constantFrom('__proto__', 'constructor', 'prototype');
const pollutingValue = fc.constantFrom<unknown>(
  { polluted: true },
  { prototype: { polluted: true } },
  { toString: 'polluted' },
);

/**
 * Values structured clone carries over IPC that are not JSON: Map, Set, Date,
 * BigInt, undefined, typed arrays, RegExp, sparse arrays, cycles. Functions
 * and Symbols are left out: the transport throws on them before any handler runs.
 */
const notPlainData = fc.oneof(
  fc.constant(undefined),
  fc.constant(new Map([['name', 'Anna']])),
  fc.constant(new Set([1, 2])),
  fc.constant(new Date('2026-01-02T03:04:05Z')),
  fc.constant(new Date(Number.NaN)),
  fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }),
  fc.constant(new Uint8Array([1, 2, 3])),
  fc.constant(/x/g),
  fc.constant(holeyArray()),
  fc.constant(null).map(cyclic),
);

const nesting = fc
  .tuple(fc.constantFrom(33, 100, 1000), fc.boolean())
  .map(([depth, asArray]) => deeplyNested(depth, asArray));

const protoObject = fc.tuple(prototypeKey, pollutingValue).map(([key, value]) => withOwnKey({}, key, value));

/** Any value at all that could stand where plain data goes. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: boundaryNumber },
  { weight: 2, arbitrary: fc.integer() },
  { weight: 2, arbitrary: fc.double() },
  { weight: 4, arbitrary: awkwardText },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 2, arbitrary: fc.array(fc.oneof(idLike, awkwardText), { maxLength: 5 }) },
  { weight: 1, arbitrary: fc.array(idLike, { minLength: 1001, maxLength: 1200 }) },
  { weight: 2, arbitrary: fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(idLike, awkwardText), { maxKeys: 4 }) },
  { weight: 3, arbitrary: notPlainData },
  { weight: 1, arbitrary: nesting },
  { weight: 2, arbitrary: protoObject },
);

type Path = (string | number)[];

/** Every place in a plain value: object keys and array items, nested, the root excluded. */
function pathsOf(value: unknown, prefix: Path = []): Path[] {
  if (value === null || typeof value !== 'object') return [];
  const paths: Path[] = [];
  const entries: [string | number, unknown][] = Array.isArray(value)
    ? value.map((item, index) => [index, item])
    : Object.entries(value);
  for (const [key, nested] of entries) paths.push([...prefix, key], ...pathsOf(nested, [...prefix, key]));
  return paths;
}

/** Containers in a plain value (the root included), where a key can be added. */
function objectPathsOf(value: unknown): Path[] {
  const all: Path[] = [[], ...pathsOf(value)];
  return all.filter((path) => {
    const found = at(value, path);
    return found !== null && typeof found === 'object' && !Array.isArray(found);
  });
}

function at(value: unknown, path: Path): unknown {
  return path.reduce<unknown>((current, key) => (current as Record<string | number, unknown>)[key], value);
}

/** A copy of the sample with the value at `path` changed by `change` (which may delete it). */
function changedAt(
  sample: unknown,
  path: Path,
  change: (parent: Record<string | number, unknown>, key: string | number) => void,
): unknown {
  const copy = structuredClone(sample);
  if (path.length === 0) return copy;
  const parent = at(copy, path.slice(0, -1)) as Record<string | number, unknown>;
  change(parent, path[path.length - 1]!);
  return copy;
}

/** A value of the same type as the one it replaces, so the input often still passes the schema and reaches the handler. */
function sameTypeValue(original: unknown): fc.Arbitrary<unknown> {
  if (typeof original === 'number') return fc.oneof(idLike, boundaryNumber, fc.integer({ min: -100, max: 100 }));
  if (typeof original === 'string')
    return fc.oneof(awkwardText, fc.string({ unit: 'grapheme', maxLength: 60 }), fc.string({ maxLength: 300 }));
  if (typeof original === 'boolean') return fc.boolean();
  if (Array.isArray(original))
    return fc.oneof(fc.constant([]), fc.array(idLike, { maxLength: 8 }), fc.array(awkwardText, { maxLength: 3 }));
  return hostileValue;
}

/**
 * Inputs for one channel, made from its valid sample: (a) the sample with a
 * value swapped (same type or any type, huge text now and then), a key
 * dropped or added, an object wrapped in an array; (b) hostile shapes:
 * prototype keys, deep nesting, non-plain values, or any value in place of
 * the whole input.
 */
export function fuzzedInputs(sample: unknown): fc.Arbitrary<FuzzedInput> {
  const paths = pathsOf(sample);
  const objectPaths = objectPathsOf(sample);
  const somePath = paths.length > 0 ? fc.constantFrom(...paths) : fc.constant<Path>([]);
  const someObjectPath = fc.constantFrom(...objectPaths);

  const sameType = somePath.chain((path) =>
    sameTypeValue(path.length ? at(sample, path) : sample).map((value) => ({
      kind: 'same-type value',
      input: path.length ? changedAt(sample, path, (parent, key) => (parent[key] = value)) : value,
    })),
  );
  const anyType = fc.tuple(somePath, hostileValue).map(([path, value]) => ({
    kind: 'other-type value',
    input: path.length ? changedAt(sample, path, (parent, key) => (parent[key] = value)) : value,
  }));
  const huge = fc.tuple(somePath, hugeText).map(([path, value]) => ({
    kind: 'huge text',
    input: path.length ? changedAt(sample, path, (parent, key) => (parent[key] = value)) : value,
  }));
  const dropped = somePath.map((path) => ({
    kind: 'key dropped',
    input: changedAt(sample, path, (parent, key) => {
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else delete parent[key];
    }),
  }));
  const added = fc
    .tuple(
      someObjectPath,
      fc.oneof(
        fc.string({ minLength: 1, maxLength: 12 }),
        fc.constantFrom('id', 'version', 'isAdmin', 'toString', 'hasOwnProperty'),
      ),
      hostileValue,
    )
    .map(([path, key, value]) => {
      const copy = structuredClone(sample);
      withOwnKey(at(copy, path) as Record<string, unknown>, key, value);
      return { kind: 'key added', input: copy };
    });
  const prototypeKeys = fc
    .tuple(someObjectPath, prototypeKey, pollutingValue, fc.boolean())
    .map(([path, key, value, viaJson]) => {
      if (viaJson && path.length === 0 && sample !== null && typeof sample === 'object') {
        // JSON.parse makes "__proto__" an own key, exactly as a message off the wire does.
        const rest = JSON.stringify(sample).slice(1);
        return {
          kind: 'prototype key',
          input: JSON.parse(
            `{${JSON.stringify(key)}: ${JSON.stringify(value)}${rest === '}' ? '}' : `,${rest}`}`,
          ) as unknown,
        };
      }
      const copy = structuredClone(sample);
      withOwnKey(at(copy, path) as Record<string, unknown>, key, value);
      return { kind: 'prototype key', input: copy };
    });
  const wrapped = someObjectPath.map((path) => ({
    kind: 'array for object',
    input: path.length
      ? changedAt(sample, path, (parent, key) => (parent[key] = [parent[key]]))
      : [structuredClone(sample)],
  }));
  const deep = fc.tuple(someObjectPath, nesting).map(([path, value]) => {
    const copy = structuredClone(sample);
    withOwnKey(at(copy, path) as Record<string, unknown>, 'nested', value);
    return { kind: 'deep nesting', input: copy };
  });
  const whole = hostileValue.map((input) => ({ kind: 'whole input replaced', input }));

  return fc.oneof(
    { weight: 30, arbitrary: sameType },
    { weight: 20, arbitrary: anyType },
    { weight: 1, arbitrary: huge },
    { weight: 8, arbitrary: dropped },
    { weight: 8, arbitrary: added },
    { weight: 8, arbitrary: prototypeKeys },
    { weight: 5, arbitrary: wrapped },
    { weight: 4, arbitrary: deep },
    { weight: 6, arbitrary: whole },
  );
}
