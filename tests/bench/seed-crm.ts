import { companyNameKey, phoneKey } from '../../electron/core/duplicates/keys';
import { sortKey } from '../../electron/core/records/sort-key';
import { seededRandom, type Random } from './random';
import type { SeedContact } from './seed';

/**
 * The rest of a CRM around the seeded contacts, scaled by their number:
 * companies = contacts / 5 (the contacts' own companies first), deals =
 * contacts × 0.3, activities = contacts × 2, some tags. Deterministic.
 */
export interface SeedCrm {
  companies: SeedCompany[];
  /** Per contact (in seed order): the index of its company, or -1. */
  contactCompany: number[];
  deals: SeedDeal[];
  activities: SeedActivity[];
  tags: string[];
  /** [kind, record index, tag index] */
  tagLinks: Array<['contact' | 'company' | 'deal', number, number]>;
}

export interface SeedCompany {
  name: string;
  website: string | null;
  phone: string | null;
  industry: string | null;
  address: string | null;
  notes: string | null;
  nameKey: string;
  phoneKey: string | null;
  nameSort: string;
  createdAt: string;
}

export interface SeedDeal {
  title: string;
  /** Company index or -1; contact index or -1. */
  company: number;
  contact: number;
  valueMinor: number;
  currency: string;
  /** 1-based stage id of the default pipeline (1–4 open, 5 won, 6 lost). */
  stageId: number;
  expectedClose: string | null;
  owner: string | null;
  probability: number | null;
  notes: string | null;
  createdAt: string;
}

export interface SeedActivity {
  kind: 'note' | 'call' | 'meeting' | 'email' | 'task';
  subject: string | null;
  body: string | null;
  occurredAt: string;
  dueAt: string | null;
  doneAt: string | null;
  contact: number;
  company: number;
  deal: number;
  createdAt: string;
}

const industries = [
  'Logistics',
  'Consulting',
  'Healthcare',
  'Retail',
  'Manufacturing',
  'Software',
  'Hospitality',
  'Construction',
  'Education',
  'Finance',
  'Media',
  'Legal',
];
const extraWords = [
  'Aurora',
  'Bergmann',
  'Cascade',
  'Delta',
  'Emerald',
  'Falcon',
  'Glacier',
  'Helios',
  'Indigo',
  'Jasper',
  'Kestrel',
  'Lumen',
  'Mistral',
  'Nimbus',
  'Orchid',
  'Pioneer',
  'Quantum',
  'Radiant',
  'Solstice',
  'Tundra',
  'Ursa',
  'Vantage',
  'Willow',
  'Xenon',
  'Yarrow',
  'Zephyr',
  'Škoda',
  'Ærø',
  'Øresund',
  'Château',
];
const extraTrades = [
  'Systems',
  'Foods',
  'Textiles',
  'Robotics',
  'Clinics',
  'Studios',
  'Freight',
  'Energy',
  'Pharma',
  'Outdoor',
  'Labs',
  'Holdings',
];
const suffixes = ['Ltd', 'GmbH', 'Inc.', 'LLC', 'S.A.', 'AB', 'B.V.', ''];
const streets = ['High Street', 'Hauptstraße', 'Rue de la Paix', 'Calle Mayor', 'Main St', 'Storgatan', 'Kerkstraat'];
const cities = ['London', 'Berlin', 'Paris', 'Madrid', 'Boston', 'Stockholm', 'Amsterdam', 'Zürich', 'Kraków', 'Lyon'];
const dealTopics = [
  'renewal',
  'expansion',
  'pilot',
  'annual contract',
  'upgrade',
  'maintenance',
  'new site',
  'consulting hours',
  'licences',
  'hardware refresh',
];
const owners = ['Maria', 'James', 'Sofía', 'Lukas', 'Amélie', 'Kwame', 'Priya', 'Erik'];
const currencies = ['EUR', 'EUR', 'EUR', 'USD', 'USD', 'GBP', 'SEK'];
const subjects: Record<SeedActivity['kind'], readonly string[]> = {
  note: ['Budget notes', 'Org chart', 'Competitor mentioned', 'Feedback on the demo', 'Contract questions'],
  call: ['Intro call', 'Follow-up call', 'Pricing call', 'Check-in', 'Support escalation'],
  meeting: ['Kick-off meeting', 'Quarterly review', 'Site visit', 'Workshop', 'Lunch meeting'],
  email: ['Sent proposal', 'Sent invoice', 'Answered questions', 'Shared case study', 'Sent contract draft'],
  task: ['Send quote', 'Call back', 'Prepare demo', 'Book meeting', 'Chase signature', 'Update pricing'],
};
const bodies = [
  'Discussed the timeline for the rollout and the budget for next year.',
  'They want a discount if they sign before the end of the quarter.',
  'Decision maker is on holiday until next month; follow up then.',
  'Asked about integrations with their accounting software.',
  'Very positive about the pilot results, wants to involve procurement.',
  'Concerned about delivery times to the Zürich office.',
  'Mentioned that a competitor offered a lower price.',
  'Needs a signed NDA before sharing the requirements.',
];
const tagNames = [
  'VIP',
  'Newsletter',
  'Partner',
  'Prospect',
  'Churn risk',
  'Referral',
  'Trade fair 2025',
  'Key account',
  'Reseller',
  'Public sector',
  'Enterprise',
  'SMB',
  'Do not call',
  'Event speaker',
  'Beta tester',
  'Investor',
  'Press',
  'Supplier',
  'Alumni',
  'Café owners',
];

const firstTime = Date.parse('2019-01-01T00:00:00.000Z');
const lastTime = Date.parse('2025-12-31T23:59:59.000Z');
const day = 24 * 60 * 60 * 1000;

function digits(r: Random, count: number): string {
  return Array.from({ length: count }, () => r.int(0, 9)).join('');
}

function company(r: Random, name: string): SeedCompany {
  const phone = r.chance(0.7) ? `+44 20 ${digits(r, 4)} ${digits(r, 4)}` : null;
  const domain =
    name
      .toLowerCase()
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .replace(/[^a-z0-9]+/g, '')
      .slice(0, 20) || 'company';
  return {
    name,
    website: r.chance(0.8) ? `${domain}.${r.pick(['com', 'de', 'co.uk', 'fr', 'se', 'io'])}` : null,
    phone,
    industry: r.chance(0.85) ? r.pickCommon(industries) : null,
    address: r.chance(0.6) ? `${r.int(1, 200)} ${r.pick(streets)}, ${r.pick(cities)}` : null,
    notes: r.chance(0.3) ? r.pick(bodies) : null,
    nameKey: companyNameKey(name),
    phoneKey: phone === null ? null : phoneKey(phone),
    nameSort: sortKey(name),
    createdAt: new Date(r.int(firstTime, lastTime)).toISOString(),
  };
}

export function seedCrm(contacts: readonly SeedContact[], seed: number, now: number): SeedCrm {
  const r = seededRandom(seed + 7);
  const companyCount = Math.max(20, Math.floor(contacts.length / 5));
  const companies: SeedCompany[] = [];
  const byName = new Map<string, number>();
  for (const contact of contacts) {
    if (contact.company === '' || byName.has(contact.company.toLowerCase())) continue;
    byName.set(contact.company.toLowerCase(), companies.length);
    companies.push(company(r, contact.company));
  }
  while (companies.length < companyCount) {
    const suffix = r.pick(suffixes);
    const name = `${r.pick(extraWords)} ${r.pick(extraTrades)}${suffix ? ` ${suffix}` : ''} ${companies.length}`;
    companies.push(company(r, name));
  }
  const contactCompany = contacts.map((contact) =>
    contact.company === '' ? -1 : byName.get(contact.company.toLowerCase())!,
  );
  const peopleOf = new Map<number, number[]>();
  contactCompany.forEach((index, contact) => {
    if (index >= 0) peopleOf.set(index, [...(peopleOf.get(index) ?? []), contact]);
  });

  const deals: SeedDeal[] = Array.from({ length: Math.floor(contacts.length * 0.3) }, () => {
    const companyIndex = r.int(0, companies.length - 1);
    const people = peopleOf.get(companyIndex) ?? [];
    const stage = r.chance(0.7) ? r.int(1, 4) : r.chance(0.6) ? 5 : 6;
    return {
      title: `${companies[companyIndex]!.name.split(' ').slice(0, 2).join(' ')} ${r.pick(dealTopics)}`,
      company: companyIndex,
      contact: people.length > 0 && r.chance(0.8) ? r.pick(people) : -1,
      valueMinor: r.int(5, 5_000) * 10_000,
      currency: r.pick(currencies),
      stageId: stage,
      expectedClose: r.chance(0.7) ? new Date(now + r.int(-90, 270) * day).toISOString().slice(0, 10) : null,
      owner: r.chance(0.9) ? r.pick(owners) : null,
      probability: r.chance(0.6) ? r.int(1, 9) * 10 : null,
      notes: r.chance(0.3) ? r.pick(bodies) : null,
      createdAt: new Date(r.int(firstTime, lastTime)).toISOString(),
    };
  });

  const activities: SeedActivity[] = Array.from({ length: contacts.length * 2 }, () => {
    const kind = r.pick(['note', 'call', 'call', 'meeting', 'email', 'email', 'task'] as const);
    const onDeal = r.chance(0.25) && deals.length > 0;
    const dealIndex = onDeal ? r.int(0, deals.length - 1) : -1;
    const contact = onDeal ? deals[dealIndex]!.contact : r.int(0, contacts.length - 1);
    const companyIndex = onDeal ? deals[dealIndex]!.company : contact >= 0 ? contactCompany[contact]! : -1;
    const occurred = r.int(firstTime, now);
    const due = kind === 'task' ? now + r.int(-30, 60) * day + r.int(0, 23) * 3_600_000 : null;
    const subject = r.chance(0.9) ? r.pick(subjects[kind]) : null;
    const body = r.chance(0.7) || subject === null ? r.pick(bodies) : null;
    return {
      kind,
      subject,
      body,
      occurredAt: new Date(occurred).toISOString(),
      dueAt: due === null ? null : new Date(due).toISOString(),
      doneAt: due !== null && due < now && r.chance(0.6) ? new Date(due).toISOString() : null,
      contact: contact >= 0 || companyIndex >= 0 || dealIndex >= 0 ? contact : r.int(0, contacts.length - 1),
      company: companyIndex,
      deal: dealIndex,
      createdAt: new Date(occurred).toISOString(),
    };
  });

  const tagLinks: SeedCrm['tagLinks'] = [];
  const tagSome = (kind: 'contact' | 'company' | 'deal', count: number, share: number) => {
    for (let index = 0; index < count; index++) {
      if (!r.chance(share)) continue;
      const first = r.int(0, tagNames.length - 1);
      tagLinks.push([kind, index, first]);
      if (r.chance(0.3)) tagLinks.push([kind, index, (first + r.int(1, tagNames.length - 1)) % tagNames.length]);
    }
  };
  tagSome('contact', contacts.length, 0.15);
  tagSome('company', companies.length, 0.2);
  tagSome('deal', deals.length, 0.2);
  return { companies, contactCompany, deals, activities, tags: tagNames, tagLinks };
}

/** What people type across all kinds: words of names, companies, deals and activities, one letter at a time. */
export function crmSearchPrefixes(
  contacts: readonly SeedContact[],
  crm: SeedCrm,
  count: number,
  seed: number,
): string[] {
  const r = seededRandom(seed + 11);
  const sources: Array<() => string> = [
    () => r.pick(contacts).name,
    () => r.pick(contacts).name,
    () => r.pick(crm.companies).name,
    () => r.pick(crm.deals).title,
    () => r.pick(crm.activities).subject ?? 'call',
    () => r.pick(bodies),
  ];
  const prefixes: string[] = [];
  while (prefixes.length < count) {
    const words = r
      .pick(sources)()
      .split(/\s+/)
      .filter((word) => /^[\p{L}]{2,}$/u.test(word));
    if (words.length === 0) continue;
    let word = r.pick(words).toLowerCase();
    if (r.chance(0.5)) word = word.normalize('NFD').replace(/\p{M}/gu, '');
    const letters = [...word];
    // Now and then a second word after a first one typed in full ("anna b", "anna be").
    const lead = r.chance(0.15) ? `${r.pick(contacts).name.split(' ')[0]!.toLowerCase()} ` : '';
    for (let length = 1; length <= Math.min(4, letters.length) && prefixes.length < count; length++)
      prefixes.push(lead + letters.slice(0, length).join(''));
  }
  return prefixes;
}
