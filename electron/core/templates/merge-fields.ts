import type { MergeField } from '../../../shared/schemas/template';

/** A custom field as the catalogue needs it. */
export interface CustomFieldLabel {
  id: number;
  kind: 'contact' | 'company' | 'deal';
  label: string;
}

/** Where a field's value comes from for one person: a built-in column, or a custom field's value. */
export type FieldSource = { type: 'builtIn' } | { type: 'custom'; kind: 'contact' | 'company'; fieldId: number };

export interface FieldCatalogue {
  /** In menu order: contact fields, its custom fields, then company fields and theirs. */
  fields: MergeField[];
  sourceOf: (key: string) => FieldSource | undefined;
}

const contactFields: ReadonlyArray<[string, string]> = [
  ['first_name', 'First name'],
  ['last_name', 'Last name'],
  ['name', 'Full name'],
  ['email', 'Email'],
  ['phone', 'Phone'],
  ['company', 'Company'],
  ['lead_source', 'Lead source'],
  ['utm_source', 'UTM source'],
  ['utm_medium', 'UTM medium'],
  ['utm_campaign', 'UTM campaign'],
];
const companyFields: ReadonlyArray<[string, string]> = [
  ['company.name', 'Company name'],
  ['company.industry', 'Industry'],
  ['company.website', 'Website'],
  ['company.phone', 'Company phone'],
  ['company.address', 'Address'],
  ['company.lead_source', 'Company lead source'],
];

/** "Membership level" → "membership_level", "Région (EU)" → "region_eu": what a person can type between braces. */
export function fieldSlug(label: string): string {
  return label
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/**
 * Every field a template may name. A custom field goes by the slug of its
 * label (company ones after "company."); a slug taken by a built-in field or
 * an earlier custom field gets "_2", "_3"…, and a label with no letters or
 * digits goes by "field_<id>".
 */
export function fieldCatalogue(custom: readonly CustomFieldLabel[]): FieldCatalogue {
  const fields: MergeField[] = [];
  const sources = new Map<string, FieldSource>();
  const add = (key: string, label: string, group: MergeField['group'], source: FieldSource) => {
    fields.push({ key, label, group, custom: source.type === 'custom' });
    sources.set(key, source);
  };
  const addCustom = (kind: 'contact' | 'company') => {
    const prefix = kind === 'company' ? 'company.' : '';
    for (const field of custom.filter((each) => each.kind === kind)) {
      const base = `${prefix}${fieldSlug(field.label) || `field_${field.id}`}`;
      let key = base;
      for (let suffix = 2; sources.has(key); suffix++) key = `${base}_${suffix}`;
      add(key, field.label, kind, { type: 'custom', kind, fieldId: field.id });
    }
  };
  for (const [key, label] of contactFields) add(key, label, 'contact', { type: 'builtIn' });
  addCustom('contact');
  for (const [key, label] of companyFields) add(key, label, 'company', { type: 'builtIn' });
  addCustom('company');
  return { fields, sourceOf: (key) => sources.get(key) };
}

/** The known field nearest to a mistyped one, when it is near enough to be what was meant. */
export function nearestField(unknown: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(unknown.length / 3)) + 1;
  for (const key of known) {
    const distance = editDistance(unknown, key);
    if (distance < bestDistance) {
      best = key;
      bestDistance = distance;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}
