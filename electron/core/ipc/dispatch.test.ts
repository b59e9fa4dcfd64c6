import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { channelNames, channels, type ChannelName } from '../../../shared/contract';
import { useCores } from '../../../tests/support/core';
import { recordingDesktop } from '../../../tests/support/recording-desktop';
import { useTempDirs } from '../../../tests/support/temp-dir';
import { validSamples } from '../../../tests/support/valid-samples';
import { openCore, type Core } from '../core';
import { memoryLogger } from '../logger';
import { omit } from '../../../shared/omit';

const megabyte = 'x'.repeat(1024 * 1024);
// An upload chunk legitimately carries up to 1 MB (as base64), so its oversized case is twice that.
const oversized = (field: string) => (field === 'data' ? megabyte.repeat(2) : megabyte);

/** Everything stored, as one hash: "the database is unchanged" means this is equal. */
function databaseFingerprint(core: Core): string {
  const tables = core.db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'search_fts%' ORDER BY name")
    .pluck()
    .all() as string[];
  const hash = createHash('sha256');
  for (const table of tables)
    hash.update(table + JSON.stringify(core.db.prepare(`SELECT * FROM "${table}" ORDER BY 1`).all()));
  return hash.digest('hex');
}

function requiredFields(channel: ChannelName): string[] {
  const shape = channels[channel].input.shape as Record<
    string,
    { safeParse: (value: unknown) => { success: boolean } }
  >;
  return Object.keys(shape).filter((field) => !shape[field]!.safeParse(undefined).success);
}

/** JSON.parse makes "__proto__" an own key, as structured clone over IPC does. */
function withOwnProtoKey(sample: Record<string, unknown>): unknown {
  const rest = JSON.stringify(sample).slice(1);
  return JSON.parse(`{"__proto__": {"polluted": true}${rest === '}' ? '' : ','}${rest}`);
}

function badVariants(channel: ChannelName): Array<{ label: string; input: unknown; field: string }> {
  const sample = validSamples[channel] as Record<string, unknown>;
  const variants: Array<{ label: string; input: unknown; field: string }> = [
    { label: 'an unknown extra field', input: { ...sample, isAdmin: true }, field: 'isAdmin' },
    { label: 'a __proto__ key', input: withOwnProtoKey(sample), field: '__proto__' },
    {
      label: 'a nested constructor.prototype key',
      input: { ...sample, constructor: { prototype: { polluted: true } } },
      field: 'constructor',
    },
    { label: 'null instead of an object', input: null, field: 'input' },
    { label: 'an array instead of an object', input: [sample], field: 'input' },
    { label: 'a Map instead of an object', input: new Map(Object.entries(sample)), field: 'input' },
  ];
  for (const field of requiredFields(channel)) {
    variants.push({ label: `missing ${field}`, input: omit(sample, field), field });
  }
  for (const [field, value] of Object.entries(sample)) {
    const wrongType = typeof value === 'string' ? 12345 : 'twelve';
    variants.push(
      { label: `${field} of the wrong type`, input: { ...sample, [field]: wrongType }, field },
      { label: `${field} as a Date`, input: { ...sample, [field]: new Date() }, field },
      { label: `${field} as a function`, input: { ...sample, [field]: () => 1 }, field },
      { label: `${field} as a BigInt`, input: { ...sample, [field]: 10n }, field },
      { label: `${field} as a Symbol`, input: { ...sample, [field]: Symbol('x') }, field },
      { label: `${field} as NaN`, input: { ...sample, [field]: Number.NaN }, field },
      { label: `${field} as Infinity`, input: { ...sample, [field]: Number.POSITIVE_INFINITY }, field },
      typeof value === 'string'
        ? {
            label: `${field} oversized (${oversized(field).length / 1024 / 1024} MB)`,
            input: { ...sample, [field]: oversized(field) },
            field,
          }
        : { label: `${field} beyond a safe integer`, input: { ...sample, [field]: 2 ** 60 }, field },
    );
  }
  return variants;
}

describe('every channel refuses bad input with a VALIDATION error naming the field, changing nothing', () => {
  // One core for all 2,000+ cases: each checks that it changed nothing, so none can affect the next.
  let dataDir: string;
  let core: Core;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'rolodesk-test-'));
    core = await openCore({ dataDir, logger: memoryLogger(), appVersion: '0.0.0-test', desktop: recordingDesktop() });
    await core.dispatch('contacts.create', { name: 'Existing Person', email: 'existing@example.com' });
  });

  afterAll(async () => {
    await core.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  for (const channel of channelNames) {
    for (const { label, input, field } of badVariants(channel)) {
      it(`${channel}: ${label}`, async () => {
        const before = databaseFingerprint(core);
        const result = await core.dispatch(channel, input);
        expect(result.ok).toBe(false);
        if (result.ok) return;
        expect(result.error.code).toBe('VALIDATION');
        expect(result.error.details?.fields?.map((issue) => issue.field)).toContain(field);
        expect(result.error.message).toContain(field);
        expect(databaseFingerprint(core)).toBe(before);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      });
    }
  }
});

describe('dispatch', () => {
  const tempDir = useTempDirs();
  const openTestCore = useCores();
  let core: Core;

  beforeEach(async () => {
    core = await openTestCore(tempDir(), { desktop: recordingDesktop() });
    await core.dispatch('contacts.create', { name: 'Existing Person', email: 'existing@example.com' });
  });

  it('passes every valid sample through validation (so the bad variants fail for the reason named)', async () => {
    for (const channel of channelNames) {
      const result = await core.dispatch(channel, validSamples[channel]);
      // Some samples name an upload or attachment that does not exist: NOT_FOUND, but never VALIDATION.
      expect({ channel, code: result.ok ? 'ok' : result.error.code }).not.toEqual({ channel, code: 'VALIDATION' });
    }
  });

  it('refuses a channel that is not in the contract', async () => {
    const result = await core.dispatch('contacts.dropAll', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  });

  it('explains errors in plain words for the form', async () => {
    const result = await core.dispatch('contacts.create', { name: '   ', email: 'not-an-email' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.details?.fields).toEqual([
      { field: 'name', message: 'Please enter a name.' },
      { field: 'email', message: 'That does not look like an email address (for example anna@example.com).' },
    ]);
  });
});
