import type { CustomField } from '../../../shared/schemas/custom-field';
import type { ColumnTarget, ImportKind, Mapping } from '../../../shared/schemas/import';
import { customFieldSuffix, normalHeader } from '../records/column-titles';
import { builtInFields, fieldLabels } from './targets';

/** Header names people's exports use for each field, normalised. */
const synonyms: Record<ImportKind, Partial<Record<ColumnTarget, readonly string[]>>> = {
  contact: {
    name: ['name', 'fullname', 'displayname', 'contactname', 'contact', 'person', 'personname'],
    firstName: ['firstname', 'givenname', 'forename', 'first', 'vorname', 'prenom'],
    lastName: ['lastname', 'familyname', 'surname', 'last', 'nachname', 'nom'],
    email: ['email', 'emailaddress', 'mail', 'email1value', 'emailwork', 'workemail', 'primaryemail', 'email1'],
    phone: [
      'phone',
      'phonenumber',
      'telephone',
      'tel',
      'businessphone',
      'phone1value',
      'phonework',
      'workphone',
      'mobile',
      'mobilephone',
      'mobilephonenumber',
      'cellphone',
    ],
    company: [
      'company',
      'companyname',
      'organization',
      'organisation',
      'organizationname',
      'organization1name',
      'associatedcompany',
      'employer',
      'account',
      'accountname',
      'firm',
    ],
    notes: ['notes', 'note', 'comments', 'comment', 'description', 'remarks'],
    tag: ['tags', 'tag', 'labels', 'label', 'categories', 'category', 'groupmembership', 'groups'],
    leadSource: ['leadsource', 'source', 'originalsource', 'howdidyouhearaboutus'],
    utmSource: ['utmsource'],
    utmMedium: ['utmmedium'],
    utmCampaign: ['utmcampaign'],
    consent: [
      'marketingconsent',
      'consent',
      'emailconsent',
      'marketingstatus',
      'subscribed',
      'optin',
      'marketingoptin',
    ],
  },
  company: {
    name: [
      'name',
      'companyname',
      'company',
      'organization',
      'organisation',
      'organizationname',
      'account',
      'accountname',
      'businessname',
    ],
    website: ['website', 'web', 'url', 'websiteurl', 'domain', 'companydomainname', 'homepage', 'webpage', 'site'],
    phone: ['phone', 'phonenumber', 'telephone', 'tel', 'mainphone', 'businessphone', 'officephone'],
    address: ['address', 'streetaddress', 'fulladdress', 'businessaddress', 'billingaddress', 'postaladdress'],
    industry: ['industry', 'sector', 'branch', 'businesstype'],
    notes: ['notes', 'note', 'comments', 'comment', 'description', 'remarks', 'about'],
    tag: ['tags', 'tag', 'labels', 'label', 'categories', 'category'],
    leadSource: ['leadsource', 'source', 'originalsource'],
    utmSource: ['utmsource'],
    utmMedium: ['utmmedium'],
    utmCampaign: ['utmcampaign'],
  },
};

// Columns worth keeping that have no field of their own: they go to the notes as "Header: value" lines.
const notesWorthy =
  /email|mail|phone|mobile|tel|fax|title|birthday|address|street|city|postal|zip|country|website|url|department|role|position|note/;

function byHeader(kind: ImportKind): Map<string, ColumnTarget> {
  const map = new Map<string, ColumnTarget>();
  for (const [target, names] of Object.entries(synonyms[kind]) as Array<[ColumnTarget, readonly string[]]>) {
    for (const name of names) if (!map.has(name)) map.set(name, target);
  }
  return map;
}

const many = new Set<ColumnTarget>(['notes', 'tag', 'ignore']);

/**
 * Custom fields by the column titles that name them: the label (any
 * capitals or accents) and the label with the export's suffix. A title that
 * is a built-in field's own name stays that field's (the export titles such
 * a custom field with the suffix).
 */
function customByHeader(kind: ImportKind, customFields: readonly CustomField[]): Map<string, ColumnTarget> {
  const builtIn = new Set(builtInFields[kind].map((field) => normalHeader(fieldLabels[field]!)));
  const map = new Map<string, ColumnTarget>();
  for (const field of customFields.filter((candidate) => candidate.kind === kind)) {
    const target: ColumnTarget = `custom:${field.id}`;
    for (const title of [field.label, field.label + customFieldSuffix].map(normalHeader)) {
      if (title !== '' && !builtIn.has(title) && !map.has(title)) map.set(title, target);
    }
  }
  return map;
}

/**
 * A target per column from header names: each column the custom field or
 * field its name says (the first such column takes it), a second email or
 * phone and other useful details to the notes, everything else ignored.
 */
function guess(
  kind: ImportKind,
  headers: readonly string[],
  overrides: ReadonlyMap<string, ColumnTarget>,
  custom: ReadonlyMap<string, ColumnTarget>,
): Mapping {
  const known = byHeader(kind);
  const taken = new Set<ColumnTarget>();
  return headers.map((header) => {
    const normal = normalHeader(header);
    const wanted =
      custom.get(normal) ??
      overrides.get(normal) ??
      known.get(normal) ??
      known.get(normal.replace(/^(person|organization|organisation|company|contact)/, ''));
    if (wanted !== undefined && (many.has(wanted) || !taken.has(wanted))) {
      taken.add(wanted);
      return wanted;
    }
    return normal !== '' && notesWorthy.test(normal) && !/type$|label$/.test(normal) ? 'notes' : 'ignore';
  });
}

interface Preset {
  name: string;
  /** The header row looks like this export's. */
  recognises: (normals: ReadonlySet<string>, headers: readonly string[], format: string) => boolean;
  /** Headers this export names its own way (normalised), per kind; the rest are guessed. */
  overrides: Partial<Record<ImportKind, Record<string, ColumnTarget>>>;
}

const has = (normals: ReadonlySet<string>, ...names: string[]) => names.every((name) => normals.has(name));

const presets: readonly Preset[] = [
  {
    name: 'vCard',
    recognises: (_normals, _headers, format) => format === 'vcard',
    overrides: {
      contact: {
        fullname: 'name',
        givenname: 'firstName',
        familyname: 'lastName',
        organization: 'company',
        title: 'notes',
        address: 'notes',
        website: 'notes',
        birthday: 'notes',
        note: 'notes',
      },
      company: {
        organization: 'name',
        fullname: 'notes',
        givenname: 'ignore',
        familyname: 'ignore',
        title: 'ignore',
        email: 'notes',
        note: 'notes',
      },
    },
  },
  {
    name: 'Google Contacts',
    recognises: (normals) =>
      normals.has('email1value') && (has(normals, 'givenname', 'familyname') || has(normals, 'firstname', 'lastname')),
    overrides: {
      contact: {
        name: 'name',
        givenname: 'firstName',
        familyname: 'lastName',
        organizationname: 'company',
        organization1name: 'company',
        organizationtitle: 'notes',
        organization1title: 'notes',
        labels: 'tag',
        groupmembership: 'tag',
      },
    },
  },
  {
    name: 'Outlook',
    recognises: (normals) =>
      has(normals, 'firstname', 'lastname', 'emailaddress') &&
      (normals.has('businessphone') || normals.has('mobilephone') || normals.has('categories')),
    overrides: { contact: { jobtitle: 'notes', categories: 'tag', mobilephone: 'notes', homephone: 'notes' } },
  },
  {
    name: 'HubSpot',
    recognises: (normals) =>
      normals.has('recordid') &&
      (normals.has('firstname') || normals.has('companyname') || normals.has('companydomainname')),
    overrides: {
      contact: {
        recordid: 'ignore',
        phonenumber: 'phone',
        companyname: 'company',
        associatedcompany: 'notes',
        jobtitle: 'notes',
        mobilephonenumber: 'notes',
        contactowner: 'ignore',
        lifecyclestage: 'ignore',
      },
      company: {
        recordid: 'ignore',
        companydomainname: 'website',
        websiteurl: 'notes',
        city: 'notes',
        companyowner: 'ignore',
      },
    },
  },
  {
    name: 'Pipedrive',
    recognises: (_normals, headers) => headers.some((header) => /^(Person|Organization) - /.test(header)),
    overrides: {
      contact: {
        personname: 'name',
        personfirstname: 'firstName',
        personlastname: 'lastName',
        personemailwork: 'email',
        personphonework: 'phone',
        personorganization: 'company',
        personlabels: 'tag',
      },
      company: {
        organizationname: 'name',
        organizationaddress: 'address',
        organizationwebsite: 'website',
        organizationlabels: 'tag',
        organizationindustry: 'industry',
      },
    },
  },
];

export interface Suggestion {
  mapping: Mapping;
  /** The export recognised, or "Plain list" when the headers simply name the fields; null when nothing was recognised. */
  preset: string | null;
}

/** The mapping an export's header row suggests; a column titled like one of `customFields` goes to it. */
export function suggestMapping(
  kind: ImportKind,
  headers: readonly string[],
  format: string,
  customFields: readonly CustomField[] = [],
): Suggestion {
  const normals = new Set(headers.map(normalHeader));
  const preset = presets.find((candidate) => candidate.recognises(normals, headers, format));
  const overrides = new Map(Object.entries(preset?.overrides[kind] ?? {}));
  const mapping = guess(kind, headers, overrides, customByHeader(kind, customFields));
  if (format === 'vcard') {
    // A vCard's columns after Categories are custom values by label: one with no field of that label goes to the notes, not lost.
    const categories = headers.indexOf('Categories');
    for (let column = categories + 1; categories >= 0 && column < mapping.length; column++) {
      if (mapping[column] === 'ignore') mapping[column] = 'notes';
    }
  }
  if (preset) return { mapping, preset: preset.name };
  const found = mapping.some((target) => target === 'name' || target === 'firstName' || target === 'lastName');
  return { mapping, preset: found ? 'Plain list' : null };
}
