import type { Core } from '../../electron/core/core';

/** A core as tests hold it: in this thread (unit tests), or behind the host with the test's own connection (e2e). */
export type TestCore = Pick<Core, 'dispatch' | 'db'>;
import type { ChannelName, Input, Output } from '../../shared/contract';
import type { ErrorPayload } from '../../shared/errors';

/** Calls a channel through the full dispatch path; throws with the error if it fails. */
export async function call<C extends ChannelName>(core: TestCore, channel: C, input: Input<C>): Promise<Output<C>> {
  const result = await core.dispatch(channel, input);
  if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`);
  return result.data as Output<C>;
}

/** Calls a channel that must fail, and returns its error. */
export async function failure<C extends ChannelName>(
  core: TestCore,
  channel: C,
  input: Input<C>,
): Promise<ErrorPayload> {
  const result = await core.dispatch(channel, input);
  if (result.ok)
    throw new Error(`${channel} succeeded, a failure was expected: ${JSON.stringify(result.data).slice(0, 300)}`);
  return result.error;
}

/** Foreign keys that point at nothing (always [] in a sound database). */
export function danglingKeys(core: TestCore): unknown[] {
  return core.db.pragma('foreign_key_check') as unknown[];
}

export function count(core: TestCore, sql: string, ...params: unknown[]): number {
  return core.db
    .prepare(sql)
    .pluck()
    .get(...params) as number;
}

/** A small CRM: two companies with people, deals and activities, for tests that need some of everything. */
export async function smallCrm(core: TestCore) {
  const acme = await call(core, 'companies.create', {
    name: 'Acme Ltd',
    industry: 'Engineering',
    website: 'acme.example',
  });
  const globex = await call(core, 'companies.create', { name: 'Globex', industry: 'Media' });
  const anna = await call(core, 'contacts.create', {
    name: 'Anna Berg',
    email: 'anna@acme.example',
    companyId: acme.id,
  });
  const bob = await call(core, 'contacts.create', { name: 'Bob Stone', email: 'bob@acme.example', companyId: acme.id });
  const carl = await call(core, 'contacts.create', {
    name: 'Carl Grey',
    email: 'carl@globex.example',
    companyId: globex.id,
  });
  const renewal = await call(core, 'deals.create', {
    title: 'Acme renewal',
    companyId: acme.id,
    contactId: anna.id,
    valueMinor: 500_000,
    currency: 'EUR',
  });
  const pilot = await call(core, 'deals.create', {
    title: 'Globex pilot',
    companyId: globex.id,
    valueMinor: 120_000,
    currency: 'USD',
  });
  const call1 = await call(core, 'activities.create', {
    kind: 'call',
    subject: 'Intro call',
    body: 'Talked about the renewal',
    contactId: anna.id,
  });
  const note = await call(core, 'activities.create', { kind: 'note', body: 'Bob prefers email', contactId: bob.id });
  return { acme, globex, anna, bob, carl, renewal, pilot, call1, note };
}

type UpdateChannel = 'contacts.update' | 'companies.update' | 'deals.update' | 'activities.update';
const tableOfUpdate: Record<UpdateChannel, string> = {
  'contacts.update': 'contacts',
  'companies.update': 'companies',
  'deals.update': 'deals',
  'activities.update': 'activities',
};

/** An update as a form sends it: made from the record's version as it is now. */
export function fromCurrent<C extends UpdateChannel>(
  core: TestCore,
  channel: C,
  input: Omit<Input<C>, 'version'> & { id: number },
): Input<C> {
  const version = core.db
    .prepare(`SELECT version FROM ${tableOfUpdate[channel]} WHERE id = ?`)
    .pluck()
    .get(input.id) as number | undefined;
  return { ...input, version: version ?? 1 } as Input<C>;
}

/** Saves changes to a record the way its panel does, from its current version. */
export function update<C extends UpdateChannel>(
  core: TestCore,
  channel: C,
  input: Omit<Input<C>, 'version'> & { id: number },
): Promise<Output<C>> {
  return call(core, channel, fromCurrent(core, channel, input));
}
