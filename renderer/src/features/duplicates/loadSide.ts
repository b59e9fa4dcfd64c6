import type { RecordRef } from '../../../../shared/schemas/record';
import { invoke } from '../../api';
import type { DuplicateKind, MergeSide } from './mergeSide';

/** How many activities, deals and files hang off a record: what a merge moves. */
async function countsOf(kind: DuplicateKind, id: number) {
  const record: RecordRef = { kind, id };
  const [activities, deals, files] = await Promise.all([
    invoke('activities.list', { record: { kind, id }, limit: 1 }),
    invoke('deals.list', kind === 'contact' ? { contactId: id, limit: 1 } : { companyId: id, limit: 1 }),
    invoke('attachments.list', { record }),
  ]);
  return { activities: activities.total, deals: deals.total, files: files.attachments.length };
}

/** One side of a comparison, read fresh from the core. */
export async function loadSide(kind: DuplicateKind, id: number): Promise<MergeSide> {
  if (kind === 'contact') {
    const [contact, counts] = await Promise.all([invoke('contacts.get', { id }), countsOf(kind, id)]);
    const { name, email, phone, company, notes } = contact;
    return {
      id,
      name,
      fields: { name, email, phone, company, notes },
      linkedCompany: contact.companyId !== null,
      custom: contact.custom,
      tagIds: contact.tagIds,
      counts: { ...counts, people: 0 },
    };
  }
  const [company, counts] = await Promise.all([invoke('companies.get', { id }), countsOf(kind, id)]);
  const { name, website, phone, address, industry, notes } = company;
  return {
    id,
    name,
    fields: { name, website, phone, address, industry, notes },
    linkedCompany: false,
    custom: company.custom,
    tagIds: company.tagIds,
    counts: { ...counts, people: company.contactCount },
  };
}

/** Reads the record again; fails with NOT_FOUND when it is gone (deleted or merged away). */
export async function readRecord(kind: DuplicateKind, id: number): Promise<void> {
  await (kind === 'contact' ? invoke('contacts.get', { id }) : invoke('companies.get', { id }));
}
