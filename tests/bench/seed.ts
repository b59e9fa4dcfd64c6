import type { ContactValues } from '../../electron/core/contacts/repo';
import { seededRandom, type Random } from './random';

/** One synthetic contact: what a user would type, plus when it was created. */
export interface SeedContact extends ContactValues {
  createdAt: string;
}

export const defaultSeed = 20_240_917;

// Roughly most-common first (pickCommon favours the start). Accented and
// apostrophe names are here on purpose: they exercise NOCASE sorting, the FTS
// diacritics folding and SQL quoting.
const firstNames = [
  'James',
  'Mary',
  'John',
  'Anna',
  'Michael',
  'Maria',
  'David',
  'Laura',
  'Robert',
  'Sarah',
  'José',
  'Emma',
  'Thomas',
  'Sophie',
  'Daniel',
  'Olivia',
  'Peter',
  'Julia',
  'Paul',
  'Emily',
  'Mark',
  'Hannah',
  'Chris',
  'Lena',
  'Andrew',
  'Chloé',
  'Luca',
  'Zoë',
  'Lukas',
  'Mia',
  'Juan',
  'Lucía',
  'Carlos',
  'Sofía',
  'Ahmed',
  'Fatima',
  'Wei',
  'Mei',
  'Hiroshi',
  'Yuki',
  'Raj',
  'Priya',
  'Ivan',
  'Olga',
  'Pierre',
  'Hélène',
  'François',
  'Amélie',
  'Björn',
  'Åsa',
  'Søren',
  'Ingrid',
  'Łukasz',
  'Agnieszka',
  'Jürgen',
  'Käthe',
  'Noël',
  'Renée',
  'Ángel',
  'Inés',
  'Sean',
  'Siobhán',
  'Kwame',
  'Amara',
  'Mateo',
  'Valentina',
  'Omar',
  'Leila',
  'Jin',
  'Seo-yeon',
  'Arjun',
  'Ananya',
  'Tomás',
  'Joaquín',
  'Mónica',
  'Sébastien',
  'Zoé',
  'Élodie',
  'Dmitri',
  'Natália',
  'Erik',
  'Freya',
  'Henrik',
  'Maja',
  'Nikolai',
  'Oskar',
  'Ravi',
  'Sven',
  'Tariq',
  'Yasmin',
  'Abigail',
  'Benjamin',
  'Charlotte',
  'Eleanor',
  'Gabriel',
  'Isabella',
  'Nathaniel',
  'Penelope',
  'Theodore',
  'Vivienne',
];

const lastNames = [
  'Smith',
  'Müller',
  'García',
  'Johnson',
  'Schmidt',
  'Martínez',
  'Brown',
  'Rossi',
  'Dubois',
  'Williams',
  'Nowak',
  'Jones',
  'Fernández',
  'Schneider',
  'Miller',
  'López',
  'Wang',
  'Davis',
  'Kowalski',
  'Wilson',
  'Silva',
  'Anderson',
  'Chen',
  'Taylor',
  'Kim',
  'Nguyen',
  'Patel',
  'Fischer',
  'Martin',
  'Lee',
  "O'Brien",
  'Pérez',
  'Weber',
  'Thomas',
  'Santos',
  'Bianchi',
  'Moore',
  'Jackson',
  'Singh',
  'Tanaka',
  'Sato',
  'Ivanov',
  'Novák',
  'Jensen',
  'Hansen',
  'Lindqvist',
  'Åberg',
  'Ødegaard',
  'Schröder',
  'Weiß',
  'Lefèvre',
  'Côté',
  'Nuñez',
  'González',
  'Rodríguez',
  'Hernández',
  'Wójcik',
  'Dvořák',
  'Yılmaz',
  'Şahin',
  "D'Angelo",
  'MacDonald',
  'Van der Berg',
  'de la Cruz',
  'Okafor',
  'Mensah',
  'Haddad',
  'Kaur',
  'Zhang',
  'Liu',
  'Yamamoto',
  'Suzuki',
  'Park',
  'Choi',
  'Khan',
  'Ali',
  'Hoffmann',
  'Becker',
  'Wagner',
  'Costa',
  'Ferreira',
  'Moreau',
  'Laurent',
  'Girard',
  'Bergström',
  'Nieminen',
  'Korhonen',
  'Horváth',
  'Papadopoulos',
  'Murphy',
  'Kelly',
  'Walsh',
  'Byrne',
  'Clarke',
  'Robinson',
  'Wright',
  'Walker',
  'Young',
  'King',
  'Scott',
];

const companyWords = [
  'Northwind',
  'Blue Harbor',
  'Summit',
  'Evergreen',
  'Bright Path',
  'Ironwood',
  'Silverline',
  'Redwood',
  'Lakeside',
  'Cedar',
  'Atlas',
  'Beacon',
  'Horizon',
  'Keystone',
  'Meridian',
  'Nordlicht',
  'Polaris',
  'Riverbend',
  'Sterling',
  'Vertex',
  'Alpenglühen',
  'Étoile',
  'Fjord',
  'Granite',
  'Harvest',
  'Juniper',
  'Maple',
  'Oakridge',
  'Pinnacle',
  'Quarry',
];
const companyTrades = [
  'Logistics',
  'Consulting',
  'Dental',
  'Bakery',
  'Architects',
  'Plumbing',
  'Legal',
  'Design',
  'Software',
  'Travel',
  'Accounting',
  'Print',
  'Catering',
  'Realty',
  'Engineering',
  'Media',
  'Health',
  'Motors',
  'Florists',
  'Analytics',
];
const companySuffixes = [
  'Ltd',
  'GmbH',
  'Inc.',
  'LLC',
  'S.A.',
  'AB',
  'B.V.',
  'Group',
  'Partners',
  '& Co.',
  'S.à r.l.',
  '',
];
const personalDomains = [
  'gmail.com',
  'outlook.com',
  'yahoo.com',
  'icloud.com',
  'proton.me',
  'web.de',
  'gmx.net',
  'hotmail.co.uk',
  'orange.fr',
];
const companyTlds = ['com', 'de', 'co.uk', 'fr', 'es', 'se', 'nl', 'io'];

const events = ['the trade fair', 'a webinar', 'the chamber of commerce mixer', 'a conference in Lyon', 'the open day'];
const topics = ['the renewal', 'a new quote', 'the spring order', 'onboarding', 'the maintenance contract', 'pricing'];
const months = ['January', 'March', 'May', 'June', 'September', 'November'];
const noteTemplates: ReadonlyArray<(r: Random) => string> = [
  (r) => `Met at ${r.pick(events)} ${r.int(2019, 2025)}.`,
  (r) => `Prefers ${r.pick(['email', 'phone calls', 'text messages', 'meetings in person'])}.`,
  (r) => `Follow up about ${r.pick(topics)} in ${r.pick(months)}.`,
  (r) => `Referred by ${r.pick(firstNames)} ${r.pick(lastNames)}.`,
  (r) => `Decision maker for ${r.pick(topics)}.`,
  (r) => `Asked for ${r.pick(topics)}; budget around €${r.int(1, 90)},000.`,
  () => 'Out of office until further notice.',
  () => 'Do not call before 10am.',
];

/** Plain ASCII for the parts of an email address ("Søren Åberg" → "soren", "aberg"). */
function asciiFold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/ø/gi, 'o')
    .replace(/ł/gi, 'l')
    .replace(/ß/g, 'ss')
    .replace(/ı/g, 'i')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

function companyName(r: Random): string {
  const pattern = r.int(0, 3);
  // "Smith & Jones" already reads as a firm; "Smith & Jones & Co." does not.
  const suffix = pattern === 0 ? r.pick(['', 'LLP', 'GmbH', 'S.L.']) : r.pick(companySuffixes);
  const base =
    pattern === 0
      ? `${r.pick(lastNames)} & ${r.pick(lastNames)}`
      : pattern === 1
        ? `${r.pick(lastNames)} ${r.pick(companyTrades)}`
        : `${r.pick(companyWords)} ${r.pick(companyTrades)}`;
  return suffix === '' ? base : `${base} ${suffix}`;
}

function phoneNumber(r: Random): string {
  const digits = (count: number) => Array.from({ length: count }, () => r.int(0, 9)).join('');
  switch (r.int(0, 4)) {
    case 0:
      return `+1 (${r.int(201, 989)}) ${digits(3)}-${digits(4)}`;
    case 1:
      return `+44 20 ${digits(4)} ${digits(4)}`;
    case 2:
      return `+49 30 ${digits(8)}`;
    case 3:
      return `+33 1 ${digits(2)} ${digits(2)} ${digits(2)} ${digits(2)}`;
    default:
      return `${r.int(201, 989)}-${digits(3)}-${digits(4)}${r.chance(0.1) ? ` x${r.int(100, 999)}` : ''}`;
  }
}

function emailAddress(r: Random, first: string, last: string, company: string): string {
  const f = asciiFold(first) || 'contact';
  const l = asciiFold(last) || 'person';
  const local = r.pick([
    `${f}.${l}`,
    `${f.charAt(0)}${l}`,
    `${f}_${l}`,
    `${f}${r.int(1, 99)}`,
    `${f}.${l}${r.int(1, 9)}`,
  ]);
  const domain =
    company === ''
      ? r.pick(personalDomains)
      : `${asciiFold(company.split(' ')[0] ?? '') || 'company'}.${r.pick(companyTlds)}`;
  return `${local}@${domain}`;
}

function note(r: Random): string {
  if (r.chance(0.45)) return '';
  const first = r.pick(noteTemplates)(r);
  return r.chance(0.3) ? `${first} ${r.pick(noteTemplates)(r)}` : first;
}

// Creation times spread over the last few years, so the updated_at index is realistic.
const firstCreated = Date.parse('2019-01-01T00:00:00.000Z');
const lastCreated = Date.parse('2025-12-31T23:59:59.000Z');

/**
 * Deterministic, realistic contacts: common names more often than rare ones,
 * about 30 % without a company, some without email or phone, short notes.
 * Companies come from a pool, so colleagues share one as they do in real data.
 */
export function seedContacts(count: number, seed = defaultSeed): SeedContact[] {
  const r = seededRandom(seed);
  const companies = Array.from({ length: Math.max(20, Math.ceil(count / 20)) }, () => companyName(r));
  return Array.from({ length: count }, () => {
    const first = r.pickCommon(firstNames);
    const last = r.pickCommon(lastNames);
    const middle = r.chance(0.05) ? ` ${String.fromCharCode(r.int(65, 90))}.` : '';
    const company = r.chance(0.3) ? '' : r.pickCommon(companies);
    return {
      name: `${first}${middle} ${last}`,
      email: r.chance(0.08) ? '' : emailAddress(r, first, last, company),
      phone: r.chance(0.15) ? '' : phoneNumber(r),
      company,
      notes: note(r),
      createdAt: new Date(r.int(firstCreated, lastCreated)).toISOString(),
    };
  });
}

/**
 * What people type into a search box: words of seeded names (or titles) typed one
 * letter at a time ("j", "jo", "jos", "jose"), half of them without accents,
 * as most people type.
 */
export function searchPrefixes(records: readonly { name: string }[], count: number, seed = defaultSeed): string[] {
  const r = seededRandom(seed + 1);
  const prefixes: string[] = [];
  while (prefixes.length < count) {
    const words = r
      .pick(records)
      .name.split(' ')
      .filter((word) => !word.endsWith('.'));
    let word = r.pick(words).toLowerCase();
    if (r.chance(0.5)) word = word.normalize('NFD').replace(/\p{M}/gu, '');
    const letters = [...word];
    for (let length = 1; length <= Math.min(4, letters.length) && prefixes.length < count; length++) {
      prefixes.push(letters.slice(0, length).join(''));
    }
  }
  return prefixes;
}
