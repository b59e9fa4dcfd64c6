import { z } from 'zod';
import { activityFieldSchemas } from '../../../shared/schemas/activity';
import { Id } from '../../../shared/schemas/common';
import { companyFieldSchemas } from '../../../shared/schemas/company';
import { contactFieldSchemas } from '../../../shared/schemas/contact';
import { LeadSourceValue } from '../../../shared/schemas/lead-source';
import { ConsentStatus, doNotContactStatuses } from '../../../shared/schemas/marketing';
import { dealFieldSchemas } from '../../../shared/schemas/deal';
import type { RecordKind } from '../../../shared/schemas/record';
import { activitiesRepo } from '../activities/repo';
import { companiesRepo } from '../companies/repo';
import { consentWriter } from '../contacts/consent';
import { contactsRepo } from '../contacts/repo';
import { customFieldsRepo, type StoredValue } from '../custom-fields/repo';
import { amountIn } from '../deals/currency-change';
import { dealsRepo, type DealValues } from '../deals/repo';
import type { Db } from '../db/open';
import { isFielded } from '../records/kinds';
import { invalid, parseAs } from '../records/problems';

/** A value as the undo record keeps it: plain JSON. */
export type State = string | number | boolean | null | { [key: string]: State };

/**
 * One field that a bulk edit can set: its schema (as the record's form checks
 * it), how to read a record's current state of it, set a value, and put a
 * state back (the undo).
 */
export interface BulkField {
  label: string;
  schema: z.ZodType;
  /** undefined: the record is gone (or in the trash). */
  state: (id: number) => State | undefined;
  /** false: not applicable to this record (a done mark on a note), so it is skipped. */
  apply: (id: number, value: unknown, now: string) => boolean;
  restore: (id: number, state: State, now: string) => void;
  /** true: the record keeps its value unless the request says to change it too (people who opted out, for consent). */
  keepsUnlessAsked?: (id: number) => boolean;
}

const iso = (text: string) => new Date(text).toISOString();

/** The settable fields of each kind; custom fields come as "custom.<id>". */
export function bulkFields(db: Db) {
  const contacts = contactsRepo(db);
  const companies = companiesRepo(db);
  const deals = dealsRepo(db);
  const activities = activitiesRepo(db);
  const custom = customFieldsRepo(db);
  const changeConsent = consentWriter(db);
  const optedOut = new Set<string>(doNotContactStatuses);

  const contactFields: Record<string, BulkField> = {
    company: {
      label: 'Company',
      schema: contactFieldSchemas.company,
      state: (id) => contacts.values(id)?.company,
      apply: (id, value, now) => {
        const current = contacts.values(id)!;
        contacts.update(id, { ...current, company: value as string, companyId: undefined }, now);
        return true;
      },
      restore: (id, state, now) => {
        contacts.update(id, { ...contacts.values(id)!, company: state as string, companyId: undefined }, now);
      },
    },
    companyId: {
      label: 'Company',
      schema: Id.nullable(),
      state: (id) => {
        const values = contacts.values(id);
        return values && { companyId: values.companyId, company: values.company };
      },
      apply: (id, value, now) => {
        contacts.update(id, { ...contacts.values(id)!, companyId: value as number | null }, now);
        return true;
      },
      restore: (id, state, now) => {
        const { companyId, company } = state as { companyId: number | null; company: string };
        contacts.update(id, { ...contacts.values(id)!, company, companyId }, now);
      },
    },
  };

  contactFields.leadSource = {
    label: 'Lead source',
    schema: LeadSourceValue.nullable().transform((name) => name ?? ''),
    state: (id) => contacts.values(id)?.leadSource,
    apply: (id, value, now) =>
      Boolean(contacts.update(id, { ...contacts.values(id)!, leadSource: value as string }, now)),
    restore: (id, state, now) =>
      void contacts.update(id, { ...contacts.values(id)!, leadSource: state as string }, now),
  };
  // A bulk change is made by hand; its undo too. Either one is in each person's history.
  contactFields.consent = {
    label: 'Marketing consent',
    schema: ConsentStatus,
    state: (id) => contacts.values(id)?.consent,
    apply: (id, value, now) =>
      changeConsent({ contactId: id, status: value as ConsentStatus, source: 'by_hand', at: now }),
    restore: (id, state, now) =>
      void changeConsent({ contactId: id, status: state as ConsentStatus, source: 'by_hand', at: now }),
    keepsUnlessAsked: (id) => optedOut.has(contacts.values(id)?.consent ?? ''),
  };

  const companyFields: Record<string, BulkField> = {
    industry: {
      label: 'Industry',
      schema: companyFieldSchemas.industry,
      state: (id) => companies.values(id)?.industry,
      apply: (id, value, now) => Boolean(companies.update(id, { industry: value as string }, now)),
      restore: (id, state, now) => void companies.update(id, { industry: state as string }, now),
    },
    leadSource: {
      label: 'Lead source',
      schema: LeadSourceValue.nullable().transform((name) => name ?? ''),
      state: (id) => companies.values(id)?.leadSource,
      apply: (id, value, now) => Boolean(companies.update(id, { leadSource: value as string }, now)),
      restore: (id, state, now) => void companies.update(id, { leadSource: state as string }, now),
    },
  };

  const dealField = (key: keyof DealValues, label: string, schema: z.ZodType): BulkField => ({
    label,
    schema,
    state: (id) => deals.values(id)?.[key],
    apply: (id, value, now) => Boolean(deals.update(id, { [key]: value }, now)),
    restore: (id, state, now) => void deals.update(id, { [key]: state }, now),
  });
  const dealFields: Record<string, BulkField> = {
    stageId: dealField('stageId', 'Stage', dealFieldSchemas.stageId),
    owner: dealField('owner', 'Owner', dealFieldSchemas.owner),
    // A currency carries the amount over (€5,000.00 becomes ¥5,000), so undo puts both back.
    currency: {
      label: 'Currency',
      schema: dealFieldSchemas.currency,
      state: (id) => {
        const values = deals.values(id);
        return values && { currency: values.currency, valueMinor: values.valueMinor };
      },
      apply: (id, value, now) =>
        Boolean(deals.update(id, amountIn(deals.values(id)!, value as string, 'action.value'), now)),
      restore: (id, state, now) => {
        const { currency, valueMinor } = state as { currency: string; valueMinor: number };
        deals.update(id, { currency, valueMinor }, now);
      },
    },
    expectedCloseDate: dealField('expectedCloseDate', 'Expected close', dealFieldSchemas.expectedCloseDate),
    probability: dealField('probability', 'Probability', dealFieldSchemas.probability),
    companyId: dealField('companyId', 'Company', dealFieldSchemas.companyId),
    contactId: dealField('contactId', 'Contact', dealFieldSchemas.contactId),
  };

  const isTask = (id: number) => activities.values(id)?.kind === 'task';
  const activityFields: Record<string, BulkField> = {
    done: {
      label: 'Done',
      schema: activityFieldSchemas.done,
      state: (id) => {
        const values = activities.values(id);
        return values && values.doneAt;
      },
      apply: (id, value, now) => {
        if (!isTask(id)) return false;
        const current = activities.values(id)!;
        activities.update(id, { doneAt: value ? (current.doneAt ?? now) : null }, now);
        return true;
      },
      restore: (id, state, now) => void activities.update(id, { doneAt: state as string | null }, now),
    },
    dueAt: {
      label: 'Due',
      schema: activityFieldSchemas.dueAt,
      state: (id) => activities.values(id)?.dueAt,
      apply: (id, value, now) => {
        if (!isTask(id)) return false;
        activities.update(id, { dueAt: value === null ? null : iso(value as string) }, now);
        return true;
      },
      restore: (id, state, now) => void activities.update(id, { dueAt: state as string | null }, now),
    },
  };

  const tables: Record<RecordKind, Record<string, BulkField>> = {
    contact: contactFields,
    company: companyFields,
    deal: dealFields,
    activity: activityFields,
  };

  function customField(kind: RecordKind, fieldId: number): BulkField {
    if (!isFielded(kind)) throw invalid('action.field', 'Activities have no custom fields.');
    const definition = custom.field(fieldId, 'action.field');
    if (definition.kind !== kind)
      throw invalid('action.field', `“${definition.label}” is not a field of this kind of record.`);
    const live = (id: number) =>
      kind === 'contact' ? contacts.values(id) : kind === 'company' ? companies.values(id) : deals.values(id);
    return {
      label: definition.label,
      schema: z.union([z.string().max(1000), z.number()]).nullable(),
      state: (id) => (live(id) === undefined ? undefined : custom.valueOf({ kind, id }, fieldId)),
      apply: (id, value, now) => {
        custom.set({ kind, id }, { [String(fieldId)]: value as StoredValue | null }, now);
        return true;
      },
      restore: (id, state, now) =>
        void custom.set({ kind, id }, { [String(fieldId)]: state as StoredValue | null }, now),
    };
  }

  /** The field a bulk edit names; VALIDATION on action.field when it cannot be set in bulk. */
  function definition(kind: RecordKind, field: string): BulkField {
    const customId = /^custom\.([1-9][0-9]{0,14})$/.exec(field);
    if (customId) return customField(kind, Number(customId[1]));
    if (!Object.hasOwn(tables[kind], field)) {
      throw invalid(
        'action.field',
        `That field cannot be set on many records at once. Fields: ${Object.keys(tables[kind]).join(', ')} and custom fields.`,
      );
    }
    return tables[kind][field]!;
  }

  return {
    definition,
    /** The field, and the value checked as its form checks it (VALIDATION on action.field / action.value otherwise). */
    resolve(kind: RecordKind, field: string, value: unknown): { field: BulkField; value: unknown } {
      const found = definition(kind, field);
      let checked = parseAs(found.schema, value, 'action.value');
      const customId = /^custom\.([1-9][0-9]{0,14})$/.exec(field);
      if (customId && checked !== null && isFielded(kind))
        checked = custom.checkValue(kind, Number(customId[1]), checked as StoredValue, 'action.value');
      return { field: found, value: checked };
    },
  };
}
