import vCard from 'vcf';
import { customFieldSuffix, normalHeader } from '../../records/column-titles';
import { rowProblems } from './refusals';
import type { SourceRow } from './source';
import type { CardText } from './vcard-cards';

/** What one card holds, in the columns a vCard source offers. */
export interface CardFields {
  fullName: string;
  givenName: string;
  familyName: string;
  organization: string;
  title: string;
  emails: string[];
  phones: string[];
  address: string;
  website: string;
  birthday: string;
  note: string;
  /** CATEGORIES: the tags an address book (or Rolodesk's export) gave the card. */
  categories: string[];
  /** Rolodesk's X-ROLODESK-FIELD lines: custom values by their field's label, in the card's order. */
  custom: Array<{ label: string; value: string }>;
}

/** vCard text escapes: \n is a line break, \, \; and \\ the character itself. */
const unescape = (value: string) =>
  value.replace(/\\([\\,;nN])/g, (_, char: string) => (char === 'n' || char === 'N' ? '\n' : char));

/** The parts of a structured value (N, ADR, ORG), split on the semicolons that are not escaped. */
function parts(value: string): string[] {
  const found: string[] = [];
  let current = '';
  for (let index = 0; index < value.length; index++) {
    const char = value[index]!;
    if (char === '\\' && index + 1 < value.length) {
      current += char + value[++index];
    } else if (char === ';') {
      found.push(unescape(current).trim());
      current = '';
    } else current += char;
  }
  found.push(unescape(current).trim());
  return found;
}

/** A list value (CATEGORIES), split on the commas that are not escaped. */
function listItems(value: string): string[] {
  return value
    .split(/(?<!\\),/)
    .map((item) => unescape(item).trim())
    .filter((item) => item !== '');
}

const joined = (values: readonly (string | undefined)[], separator: string) =>
  values.filter((value) => value).join(separator);

function properties(card: vCard, key: string): vCard.Property[] {
  const found = card.data[key];
  const all = found === undefined ? [] : Array.isArray(found) ? found : [found];
  return all.filter((property) => (property.valueOf() ?? '').trim() !== '');
}

const raw = (property: vCard.Property | undefined) => property?.valueOf()?.trim() ?? '';
const text = (property: vCard.Property | undefined) => unescape(raw(property)).trim();

function typesOf(property: vCard.Property): string[] {
  const types = property.type === undefined ? [] : Array.isArray(property.type) ? property.type : [property.type];
  return types.flatMap((type) => String(type).toLowerCase().split(','));
}

const isPreferred = (property: vCard.Property) => typesOf(property).includes('pref') || property.pref !== undefined;

/** Types worth keeping beside a second number or address; "internet", "voice", "pref" say nothing to a reader. */
const shownTypes = new Set(['work', 'home', 'cell', 'mobile', 'fax', 'pager', 'main', 'other', 'text', 'iphone']);

/**
 * Every email or phone of a card, the preferred one first. The first stays
 * clean (it becomes the record's email or phone); the others carry their
 * type, "+49 30 1 (work)", so a note or custom field keeps what they were.
 */
function labelled(card: vCard, key: string, clean: (value: string) => string): string[] {
  const found = properties(card, key);
  const ordered = [...found.filter(isPreferred), ...found.filter((property) => !isPreferred(property))];
  return ordered.map((property, index) => {
    const value = clean(text(property));
    const label = typesOf(property).filter((type) => shownTypes.has(type));
    return index === 0 || label.length === 0 ? value : `${value} (${[...new Set(label)].join(', ')})`;
  });
}

/** vCard 4.0 writes phones as tel: URIs. */
const withoutTelScheme = (value: string) => value.replace(/^tel:/i, '');
const withoutMailScheme = (value: string) => value.replace(/^mailto:/i, '');

function addressText(property: vCard.Property | undefined): string {
  if (!property) return '';
  const [poBox, extended, street, locality, region, postalCode, country] = parts(raw(property));
  return joined([street, extended, poBox, joined([postalCode, locality], ' '), region, country], ', ');
}

/** 19900517 and 1990-05-17T00:00:00Z both mean 1990-05-17; a birthday without a year (--0517) stays as written. */
function birthdayText(value: string): string {
  const compact = /^(\d{4})(\d{2})(\d{2})(?:T.*)?$/.exec(value);
  if (compact) return `${compact[1]}-${compact[2]}-${compact[3]}`;
  const iso = /^(\d{4}-\d{2}-\d{2})(?:T.*)?$/.exec(value);
  return iso ? iso[1]! : value;
}

export function cardFields(card: vCard): CardFields {
  const name = properties(card, 'n')[0];
  const [familyName = '', givenName = '', additional = '', prefix = '', suffix = ''] = name ? parts(raw(name)) : [];
  const preferredFirst = (key: string) => {
    const found = properties(card, key);
    return found.find(isPreferred) ?? found[0];
  };
  return {
    // No FN but an N: the name is built from N's parts, as address books show it.
    fullName: text(properties(card, 'fn')[0]) || joined([prefix, givenName, additional, familyName, suffix], ' '),
    givenName,
    familyName,
    organization: joined(parts(raw(properties(card, 'org')[0])), ', '),
    title: text(properties(card, 'title')[0]),
    emails: labelled(card, 'email', withoutMailScheme),
    phones: labelled(card, 'tel', withoutTelScheme),
    address: addressText(preferredFirst('adr')),
    website: text(properties(card, 'url')[0]),
    birthday: birthdayText(text(properties(card, 'bday')[0])),
    note: properties(card, 'note')
      .map((property) => text(property))
      .join('\n'),
    categories: properties(card, 'categories').flatMap((property) => listItems(raw(property))),
    custom: properties(card, 'xRolodeskField').flatMap((property) => {
      // "Label;value", both escaped; a value's stray unescaped semicolon is part of the value.
      const [label = '', ...value] = parts(raw(property));
      return label === '' ? [] : [{ label, value: value.join(';') }];
    }),
  };
}

const fixedTitles = [
  'Full name',
  'Given name',
  'Family name',
  'Organization',
  'Title',
  'Address',
  'Website',
  'Birthday',
  'Note',
  'Categories',
];

// Titles a custom column must not take: the fixed ones, and the fields an import maps by title.
const reservedTitles = new Set(
  [...fixedTitles, 'Name', 'First name', 'Last name', 'Email', 'Phone', 'Company', 'Notes', 'Tags', 'Industry'].map(
    normalHeader,
  ),
);

/**
 * A custom field's column title: its label, with " (custom field)" when
 * the label is taken by a fixed column or a field's own name ("Notes",
 * "Email 2"), or itself ends so — the way back (labelOf) is then exact.
 */
export function customColumnTitle(label: string): string {
  const taken =
    reservedTitles.has(normalHeader(label)) ||
    /^(email|phone)\s*\d*$/i.test(label.trim()) ||
    label.endsWith(customFieldSuffix);
  return taken ? label + customFieldSuffix : label;
}

const labelOf = (title: string) =>
  title.endsWith(customFieldSuffix) ? title.slice(0, -customFieldSuffix.length) : title;

/**
 * The fixed columns of a vCard source, with as many Email and Phone columns
 * as the fullest card needs (at least one), then Categories and one column
 * per custom field label found in the file.
 */
export function vcardHeaders(
  emailColumns: number,
  phoneColumns: number,
  customLabels: readonly string[] = [],
): string[] {
  const numbered = (title: string, count: number) =>
    Array.from({ length: Math.max(count, 1) }, (_, index) => (index === 0 ? title : `${title} ${index + 1}`));
  return [
    'Full name',
    'Given name',
    'Family name',
    'Organization',
    'Title',
    ...numbered('Email', emailColumns),
    ...numbered('Phone', phoneColumns),
    'Address',
    'Website',
    'Birthday',
    'Note',
    'Categories',
    ...customLabels.map(customColumnTitle),
  ];
}

export interface CardSlots {
  emails: number;
  phones: number;
  /** The custom field labels, one column each after Categories. */
  labels: string[];
}

/** How many Email and Phone columns a vCard source's headers hold, and the custom labels of the columns after Categories. */
export function slotsOf(headers: readonly string[]): CardSlots {
  const categories = headers.indexOf('Categories');
  return {
    emails: headers.filter((title) => /^Email( \d+)?$/.test(title)).length,
    phones: headers.filter((title) => /^Phone( \d+)?$/.test(title)).length,
    labels: categories < 0 ? [] : headers.slice(categories + 1).map(labelOf),
  };
}

/** Custom labels in the order cards first use them, each once. */
export function addLabels(labels: string[], fields: CardFields): void {
  for (const { label } of fields.custom) if (!labels.includes(label)) labels.push(label);
}

export type ParsedCard = { line: number; fields: CardFields } | { line: number; problem: string };

export function parseCard(card: CardText): ParsedCard {
  if (card.unfinished) return { line: card.line, problem: rowProblems.unfinishedCard(card.line) };
  try {
    return { line: card.line, fields: cardFields(new vCard().parse(card.text)) };
  } catch {
    return { line: card.line, problem: rowProblems.damagedCard(card.line) };
  }
}

/** A card as a row of the fixed columns; a card with more emails or phones than the columns hold is refused, not cut. */
export function cardRow(card: ParsedCard, slots: CardSlots): SourceRow {
  const width = 10 + slots.emails + slots.phones + slots.labels.length;
  if ('problem' in card) return { line: card.line, cells: new Array<string>(width).fill(''), problem: card.problem };
  const { fields } = card;
  const spread = (values: string[], count: number) => Array.from({ length: count }, (_, index) => values[index] ?? '');
  const cells = [
    fields.fullName,
    fields.givenName,
    fields.familyName,
    fields.organization,
    fields.title,
    ...spread(fields.emails, slots.emails),
    ...spread(fields.phones, slots.phones),
    fields.address,
    fields.website,
    fields.birthday,
    fields.note,
    // Joined as an export's Tags column is; the import splits them again.
    fields.categories.join('; '),
    // A label given twice in one card keeps both values, a line each.
    ...slots.labels.map((label) =>
      fields.custom
        .filter((entry) => entry.label === label)
        .map((entry) => entry.value)
        .join('\n'),
    ),
  ];
  const overflow = fields.emails.length > slots.emails || fields.phones.length > slots.phones;
  return overflow
    ? { line: card.line, cells, problem: rowProblems.moreEntriesThanChecked(card.line) }
    : { line: card.line, cells };
}
