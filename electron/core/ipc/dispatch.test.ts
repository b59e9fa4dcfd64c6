import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { channelNames, channels, type ChannelName, type Input } from '../../../shared/contract';
import { useCores } from '../../../tests/support/core';
import { recordingDesktop } from '../../../tests/support/recording-desktop';
import { useTempDirs } from '../../../tests/support/temp-dir';
import { openCore, type Core } from '../core';
import { memoryLogger } from '../logger';

const uploadId = '00000000-0000-4000-8000-000000000000';

/** A complete, valid input for every channel: adding a channel without one does not compile. */
const validSamples: { [C in ChannelName]: Input<C> } = {
  'app.info': {},
  'app.closeAnswer': { close: false },
  'contacts.list': { offset: 0, limit: 50, sort: 'name', direction: 'asc', search: 'an', companyId: 1, tagIds: [1], tagMatch: 'all', custom: [{ fieldId: 1, op: 'eq', value: 'x' }] },
  'contacts.get': { id: 1 },
  'contacts.create': { name: 'Anna Berg', email: 'anna@example.com', phone: '+46 8 123 45', company: 'Berg AB', notes: 'Met at fair', companyId: null, tagIds: [], custom: { '1': 'x' } },
  'contacts.update': { id: 1, version: 1, name: 'Anna Lind', email: 'anna@lind.se', phone: '', company: '', notes: '', companyId: 1, tagIds: [1], custom: { '1': null } },
  'contacts.delete': { id: 1 },
  'contacts.setPhoto': { id: 1, uploadId },
  'contacts.removePhoto': { id: 1 },
  'companies.list': { offset: 0, limit: 50, sort: 'industry', direction: 'desc', search: 'ac', industry: 'Dental', tagIds: [1], tagMatch: 'any', custom: [] },
  'companies.get': { id: 1 },
  'companies.create': { name: 'Acme Ltd', website: 'acme.example', phone: '+44 20 1234 5678', address: '1 High St', industry: 'Dental', notes: '', tagIds: [], custom: {} },
  'companies.update': { id: 1, version: 1, name: 'Acme Group', website: '', phone: '', address: '', industry: '', notes: 'Renamed', tagIds: [], custom: {} },
  'companies.delete': { id: 1, contacts: 'detach' },
  'deals.list': { offset: 0, limit: 50, sort: 'value', direction: 'desc', search: 'ren', stageIds: [1], status: 'open', companyId: 1, contactId: 1, owner: 'Maria', tagIds: [], tagMatch: 'any', custom: [] },
  'deals.get': { id: 1 },
  'deals.create': {
    title: 'Renewal 2026',
    companyId: null,
    contactId: 1,
    valueMinor: 150_000,
    currency: 'EUR',
    stageId: 1,
    expectedCloseDate: '2026-06-30',
    owner: 'Maria',
    probability: 40,
    notes: '',
    tagIds: [],
    custom: {},
  },
  'deals.update': { id: 1, version: 1, title: 'Renewal', valueMinor: 200_000, currency: 'usd', stageId: 2, expectedCloseDate: null, probability: null, owner: '', notes: '', companyId: null, contactId: null, tagIds: [], custom: {} },
  'deals.delete': { id: 1 },
  'deals.move': { id: 1, stageId: 3, index: 0 },
  'deals.board': { cardsPerStage: 50, includeClosed: true, owner: 'Maria', tagIds: [], tagMatch: 'all' },
  'stages.list': {},
  'stages.create': { name: 'Demo booked', kind: 'open' },
  'stages.update': { id: 1, name: 'New lead', kind: 'open' },
  // stages.create above adds the seventh stage; a reorder lists them all.
  'stages.reorder': { ids: [7, 1, 2, 3, 4, 5, 6] },
  'stages.delete': { id: 6, moveDealsTo: 5 },
  'activities.list': { offset: 0, limit: 50, sort: 'dueAt', direction: 'asc', search: 'call', kinds: ['task'], status: 'open', record: { kind: 'contact', id: 1 } },
  'activities.get': { id: 1 },
  'activities.create': {
    kind: 'task',
    subject: 'Call back',
    body: 'About the quote',
    occurredAt: '2026-01-02T03:04:05.000Z',
    dueAt: '2026-01-05T09:00:00.000Z',
    done: false,
    contactId: 1,
    companyId: null,
    dealId: null,
  },
  'activities.update': { id: 1, version: 1, kind: 'task', subject: 'Call back again', body: '', occurredAt: '2026-01-02T03:04:05.000Z', dueAt: null, done: true, contactId: 1, companyId: null, dealId: null },
  'activities.setDone': { id: 1, done: false },
  'activities.delete': { id: 1 },
  'activities.today': { endOfDay: '2026-01-02T23:00:00.000Z', limit: 100 },
  'tags.list': {},
  'tags.create': { name: 'VIP', color: 'red' },
  'tags.update': { id: 1, name: 'Key account', color: 'blue' },
  'tags.delete': { id: 1 },
  'tags.link': { record: { kind: 'contact', id: 1 }, tagId: 1 },
  'tags.unlink': { record: { kind: 'contact', id: 1 }, tagId: 1 },
  'leadSources.list': {},
  'leadSources.create': { name: 'Trade fair' },
  'leadSources.rename': { id: 1, name: 'Web site' },
  // Every source once: the six a new database has and the one created just above.
  'leadSources.reorder': { ids: [7, 6, 5, 4, 3, 2, 1] },
  'leadSources.delete': { id: 1, clearOnRecords: true },
  'consent.optedOut': { ids: [1] },
  'customFields.list': { kind: 'contact' },
  'customFields.create': { kind: 'deal', label: 'Source', type: 'choice', choices: ['Web', 'Referral'] },
  'customFields.update': { id: 1, label: 'Lead source', choices: ['Web', 'Referral', 'Fair'] },
  'customFields.reorder': { kind: 'deal', ids: [1] },
  'customFields.delete': { id: 1 },
  'views.list': { kind: 'contact' },
  'views.create': { kind: 'contact', name: 'Key accounts', query: { sort: 'company', tagIds: [1], tagMatch: 'any' } },
  'views.update': { id: 1, name: 'Key people', query: { sort: 'name' } },
  'views.delete': { id: 1 },
  'views.usedBy': { target: { kind: 'tag', id: 1 } },
  'timeline.list': { record: { kind: 'contact', id: 1 }, before: { at: '2026-01-02T03:04:05.000Z', source: 2, id: 10 }, limit: 20 },
  'search.all': { text: 'anna', perKind: 5, kinds: ['contact', 'company'] },
  'trash.list': { offset: 0, limit: 50 },
  'trash.restore': { trashId: 1 },
  'trash.preview': { trashId: 1 },
  'trash.deleteForever': { trashId: 1 },
  'bulk.apply': { kind: 'contact', ids: [1], action: { type: 'set', field: 'company', value: 'Acme' } },
  'bulk.undo': { undoId: 1 },
  'bulk.range': { list: { kind: 'contact', query: { sort: 'name', search: 'anna' } }, from: 0, to: 99 },
  'bulk.count': { list: { kind: 'deal', query: { sort: 'stage', search: 'ren' } } },
  'duplicates.find': { kind: 'contact', offset: 0, limit: 20 },
  'duplicates.merge': { kind: 'contact', keepId: 1, mergeId: 2 },
  'export.list': { list: { kind: 'contact', query: { sort: 'name', direction: 'asc', search: '', tagIds: [], tagMatch: 'any', custom: [] } }, ids: [1], format: 'csv', delimiter: ';' },
  'export.cancel': {},
  'attachments.list': { record: { kind: 'contact', id: 1 } },
  'attachments.start': { record: { kind: 'contact', id: 1 }, fileName: 'notes.txt', size: 5 },
  'attachments.chunk': { uploadId, offset: 0, data: 'aGVsbG8=' },
  'attachments.finish': { uploadId },
  'attachments.cancel': { uploadId },
  'attachments.remove': { id: 1 },
  'attachments.open': { id: 1 },
  'attachments.saveCopy': { id: 1 },
  'settings.attachments.get': {},
  'settings.attachments.update': { maxFileMegabytes: 25 },
  'backups.status': {},
  'backups.list': {},
  'backups.create': {},
  'backups.verify': { id: 'snapshot-20260101-000000-000' },
  'backups.chooseLocation': {},
  'backups.useDefaultLocation': {},
  'backups.updateSettings': { intervalMinutes: 15, keepNewest: 4, keepDaily: 7, keepWeekly: 4 },
  'backups.openFolder': {},
  'backups.export': {},
  'backups.cancelExport': {},
  'backups.restore': { id: 'snapshot-20260101-000000-000' },
  'backups.restoreFromFile': {},
  'backups.undoRestore': {},
  'recovery.status': {},
  'recovery.copyDetails': {},
  'recovery.startEmpty': {},
  'import.uploadStart': { fileName: 'people.csv', size: 120 },
  'import.uploadChunk': { uploadId, offset: 0, data: 'aGVsbG8=' },
  'import.uploadCancel': { uploadId },
  'import.open': { kind: 'contact', source: { type: 'upload', uploadId } },
  'import.inspect': { importId: uploadId, read: { encoding: 'windows-1252', delimiter: ';', hasHeader: true } },
  'import.preview': { importId: uploadId, read: {}, mapping: ['firstName', 'lastName', 'email', 'custom:3', 'tag', 'ignore'], duplicates: 'fill', dateOrder: 'dmy' },
  'import.run': { importId: uploadId, mapping: ['name', 'notes', 'notes'], duplicates: 'skip' },
  'import.cancel': { importId: uploadId },
  'import.close': { importId: uploadId },
  'import.saveRejected': { runId: 1 },
  'import.list': {},
  'import.undo': { runId: 1 },
  'templates.list': {},
  'templates.get': { id: 1 },
  'templates.create': { name: 'Spring hello', subject: 'Hello {{first_name}}', body: 'Hi {{first_name | "there"}}', format: 'formatted' },
  'templates.update': { id: 1, name: 'Spring hello', subject: 'Hi', body: 'Hello', format: 'text' },
  'templates.delete': { id: 1 },
  'templates.fields': {},
  'templates.check': { subject: 'Hi', body: 'Hello {{name}}', format: 'text' },
  'templates.preview': { subject: 'Hi', body: 'Hello {{name}}', format: 'text', contactId: 1 },
  'templates.ofCampaign': { campaignId: 1 },
  'templates.choose': { campaignId: 1, templateId: 1 },
  'templates.recipients': { campaignId: 1, search: 'ann' },
  'templates.exportCsv': { campaignId: 1, templateId: 1 },
  'templates.mailto': { campaignId: 1, templateId: 1, contactId: 1 },
  'templates.queue': { campaignId: 1, templateId: 1 },
  'campaigns.list': {},
  'campaigns.get': { id: 1 },
  'campaigns.create': { name: 'Spring offer', goal: 'Renewals', channel: 'email', startsOn: '2026-03-01', endsOn: '2026-03-31', owner: 'Eva', budgetMinor: 50_000, currency: 'EUR' },
  'campaigns.update': { id: 1, updatedAt: '2026-03-01T10:00:00.000Z', name: 'Spring offer 2', budgetMinor: null },
  'campaigns.delete': { id: 1 },
  'campaigns.members': { campaignId: 1, offset: 0, limit: 50, status: 'sent', search: 'ann' },
  'campaigns.addMembers': { campaignId: 1, contactIds: [1, 2] },
  'campaigns.addFromSegment': { campaignId: 1, segmentId: 1 },
  'campaigns.removeMembers': { campaignId: 1, contactIds: [1] },
  'campaigns.setStatus': { campaignId: 1, contactIds: [1], status: 'replied' },
  'campaigns.recordUnsubscribe': { campaignId: 1, contactId: 1 },
  'campaigns.importReport': { campaignId: 1 },
  'campaigns.results': { campaignId: 1 },
  'campaigns.exportResults': { campaignId: 1 },
  'sending.settings.get': {},
  'sending.settings.update': { host: 'smtp.example.com', port: 587, security: 'starttls', user: 'office', fromName: 'Office', fromAddress: 'office@example.com', messagesPerMinute: 30 },
  'sending.setPassword': { password: 'secret' },
  'sending.test': {},
  'sending.status': { campaignId: 1 },
  'sending.start': { campaignId: 1 },
  'sending.pause': { campaignId: 1 },
  'sending.resume': { campaignId: 1 },
  'sending.retry': { ids: [1] },
  'sending.messages': { campaignId: 1, states: ['failed'], offset: 0, limit: 50 },
  'sending.recordUnsubscribe': { messageId: 1 },
  'segments.list': {},
  'segments.get': { id: 1 },
  'segments.create': { name: 'Customers in Lyon', definition: { match: 'all', conditions: [{ kind: 'consent', values: ['subscribed'] }, { match: 'any', conditions: [{ kind: 'lifecycle', values: ['customer'] }] }] } },
  'segments.update': { id: 1, name: 'Quiet customers', definition: { match: 'any', conditions: [{ kind: 'lastActivity', op: 'noneInLast', days: 90 }] } },
  'segments.delete': { id: 1 },
  'segments.count': { definition: { match: 'all', conditions: [{ kind: 'tags', op: 'any', tagIds: [1] }] } },
  'segments.members': { definition: { match: 'all', conditions: [] }, offset: 0, limit: 50 },
  'dashboard.get': {},
  'dashboard.start': {},
  'backupEncryption.status': {},
  'backupEncryption.turnOn': { password: 'correct horse battery', remember: false },
  'backupEncryption.unlock': { password: 'correct horse battery', remember: false },
  'backupEncryption.forget': {},
  'backupEncryption.turnOff': {},
  'backupEncryption.restoreFile': { token: '0123456789abcdef0123456789abcdef', password: 'correct horse battery' },
};

const megabyte = 'x'.repeat(1024 * 1024);
// An upload chunk legitimately carries up to 1 MB (as base64), so its oversized case is twice that.
const oversized = (field: string) => (field === 'data' ? megabyte.repeat(2) : megabyte);

/** Everything stored, as one hash: "the database is unchanged" means this is equal. */
function databaseFingerprint(core: Core): string {
  const tables = core.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'search_fts%' ORDER BY name").pluck().all() as string[];
  const hash = createHash('sha256');
  for (const table of tables) hash.update(table + JSON.stringify(core.db.prepare(`SELECT * FROM "${table}" ORDER BY 1`).all()));
  return hash.digest('hex');
}

function requiredFields(channel: ChannelName): string[] {
  const shape = channels[channel].input.shape as Record<string, { safeParse(value: unknown): { success: boolean } }>;
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
    { label: 'a nested constructor.prototype key', input: { ...sample, constructor: { prototype: { polluted: true } } }, field: 'constructor' },
    { label: 'null instead of an object', input: null, field: 'input' },
    { label: 'an array instead of an object', input: [sample], field: 'input' },
    { label: 'a Map instead of an object', input: new Map(Object.entries(sample)), field: 'input' },
  ];
  for (const field of requiredFields(channel)) {
    const { [field]: _dropped, ...rest } = sample;
    variants.push({ label: `missing ${field}`, input: rest, field });
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
        ? { label: `${field} oversized (${oversized(field).length / 1024 / 1024} MB)`, input: { ...sample, [field]: oversized(field) }, field }
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
