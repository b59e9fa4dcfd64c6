import type { Input } from '../../../shared/contract';
import type { tagColors } from '../../../shared/schemas/tag';

type TagColor = (typeof tagColors)[number];

/**
 * The records "Explore with sample data" adds: a small office's CRM, with
 * names from across Europe (accents included, so search can be tried on
 * them). Links between records are by key; dates are days from today, so
 * Today and the Dashboard always have something current to show.
 */
export interface SampleSet {
  tags: ReadonlyArray<{ key: string; name: string; color: TagColor }>;
  companies: ReadonlyArray<{ key: string; tags?: readonly string[]; draft: Input<'companies.create'> }>;
  contacts: ReadonlyArray<{
    key: string;
    company?: string;
    tags?: readonly string[];
    draft: Omit<Input<'contacts.create'>, 'companyId' | 'tagIds'>;
  }>;
  /** stage: the nth open stage of the pipeline (the last one if there are fewer), or the first won or lost one. */
  deals: ReadonlyArray<{
    key: string;
    company?: string;
    contact?: string;
    stage: number | 'won' | 'lost';
    closesInDays?: number;
    draft: Omit<Input<'deals.create'>, 'companyId' | 'contactId' | 'stageId' | 'expectedCloseDate'>;
  }>;
  /** daysAgo for what happened; dueInDays (0 = today) for tasks. */
  activities: ReadonlyArray<{
    kind: 'note' | 'call' | 'meeting' | 'email' | 'task';
    subject: string;
    body?: string;
    contact?: string;
    company?: string;
    deal?: string;
    daysAgo?: number;
    dueInDays?: number;
  }>;
}

export const sampleSet: SampleSet = {
  tags: [
    { key: 'vip', name: 'VIP', color: 'purple' },
    { key: 'newsletter', name: 'Newsletter', color: 'blue' },
    { key: 'partner', name: 'Partner', color: 'green' },
  ],
  companies: [
    {
      key: 'nordlicht',
      tags: ['partner'],
      draft: {
        name: 'Nordlicht Design GmbH',
        industry: 'Design',
        website: 'nordlicht.example',
        phone: '+49 30 5550 1200',
        address: 'Torstraße 12, 10119 Berlin',
      },
    },
    {
      key: 'boulangerie',
      draft: {
        name: 'Boulangerie Léa & Fils',
        industry: 'Food',
        website: 'boulangerie-lea.example',
        phone: '+33 1 55 50 34 21',
        address: '8 rue des Écoles, 75005 Paris',
      },
    },
    {
      key: 'fjord',
      draft: {
        name: 'Fjord Logistikk AS',
        industry: 'Logistics',
        website: 'fjord-logistikk.example',
        phone: '+47 55 50 77 10',
        address: 'Bryggen 4, 5003 Bergen',
      },
    },
    {
      key: 'solano',
      tags: ['vip'],
      draft: {
        name: 'Solano Ópticas',
        industry: 'Retail',
        website: 'solano-opticas.example',
        phone: '+34 91 555 0143',
        address: 'Calle Mayor 27, 28013 Madrid',
      },
    },
    {
      key: 'kowalski',
      draft: {
        name: 'Kowalski & Nowak Accountants',
        industry: 'Accounting',
        website: 'kn-accountants.example',
        phone: '+48 22 555 0190',
      },
    },
    {
      key: 'brightside',
      draft: {
        name: 'Brightside Dental',
        industry: 'Health',
        website: 'brightside-dental.example',
        phone: '+44 20 7946 0321',
        address: '14 Harley Street, London',
      },
    },
  ],
  contacts: [
    {
      key: 'zoe',
      company: 'nordlicht',
      tags: ['vip'],
      draft: {
        name: 'Zoë Müller',
        email: 'zoe.mueller@nordlicht.example',
        phone: '+49 30 5550 1201',
        leadSource: 'Referral',
      },
    },
    {
      key: 'jurgen',
      company: 'nordlicht',
      draft: { name: 'Jürgen Groß', email: 'juergen.gross@nordlicht.example', phone: '+49 30 5550 1202' },
    },
    {
      key: 'lea',
      company: 'boulangerie',
      tags: ['newsletter'],
      draft: {
        name: 'Léa Dubois',
        email: 'lea@boulangerie-lea.example',
        phone: '+33 6 55 50 11 22',
        leadSource: 'Website',
      },
    },
    {
      key: 'francois',
      company: 'boulangerie',
      draft: { name: 'François Lefèvre', email: 'francois@boulangerie-lea.example' },
    },
    {
      key: 'ingrid',
      company: 'fjord',
      draft: { name: 'Ingrid Håland', email: 'ingrid.haland@fjord-logistikk.example', phone: '+47 55 50 77 11' },
    },
    {
      key: 'soren',
      company: 'fjord',
      tags: ['newsletter'],
      draft: { name: 'Søren Østergaard', email: 'soren@fjord-logistikk.example' },
    },
    {
      key: 'jose',
      company: 'solano',
      tags: ['vip'],
      draft: { name: 'José Martínez', email: 'jose.martinez@solano-opticas.example', phone: '+34 600 555 014' },
    },
    { key: 'ines', company: 'solano', draft: { name: 'Inés Peña', email: 'ines.pena@solano-opticas.example' } },
    {
      key: 'malgorzata',
      company: 'kowalski',
      draft: { name: 'Małgorzata Kowalska', email: 'm.kowalska@kn-accountants.example', phone: '+48 600 555 019' },
    },
    { key: 'pawel', company: 'kowalski', draft: { name: 'Paweł Nowak', email: 'p.nowak@kn-accountants.example' } },
    {
      key: 'siobhan',
      company: 'brightside',
      tags: ['newsletter'],
      draft: {
        name: 'Siobhán O’Connor',
        email: 'siobhan@brightside-dental.example',
        phone: '+44 7700 900123',
        leadSource: 'Event',
      },
    },
    {
      key: 'oliver',
      company: 'brightside',
      draft: { name: 'Oliver Bennett', email: 'oliver@brightside-dental.example' },
    },
    {
      key: 'chloe',
      tags: ['newsletter'],
      draft: { name: 'Chloé Martin', email: 'chloe.martin@example.com', company: 'Freelance photographer' },
    },
    {
      key: 'bjorn',
      draft: { name: 'Björn Lindqvist', email: 'bjorn.lindqvist@example.com', phone: '+46 70 555 0134' },
    },
    { key: 'ana', draft: { name: 'Ana Souza', email: 'ana.souza@example.com', company: 'Souza Traduções' } },
    { key: 'matteo', draft: { name: 'Matteo Ricci', email: 'matteo.ricci@example.com', phone: '+39 333 555 0101' } },
    { key: 'agnieszka', tags: ['newsletter'], draft: { name: 'Agnieszka Wiśniewska', email: 'agnieszka@example.com' } },
    { key: 'noemie', draft: { name: 'Noémie Girard', email: 'noemie.girard@example.com', leadSource: 'Website' } },
    { key: 'dagny', draft: { name: 'Dagný Jónsdóttir', email: 'dagny@example.com', phone: '+354 555 0177' } },
    { key: 'tomas', draft: { name: 'Tomáš Dvořák', email: 'tomas.dvorak@example.com', company: 'Dvořák Architekti' } },
    { key: 'eilidh', draft: { name: 'Eilidh MacLeod', email: 'eilidh.macleod@example.com' } },
    { key: 'nuria', draft: { name: 'Núria Puig', email: 'nuria.puig@example.com', phone: '+34 650 555 022' } },
    { key: 'koen', draft: { name: 'Koen van der Berg', email: 'koen@example.com', company: 'Van der Berg Bloemen' } },
    { key: 'aylin', draft: { name: 'Aylin Yılmaz', email: 'aylin.yilmaz@example.com', leadSource: 'Referral' } },
    {
      key: 'renee',
      tags: ['newsletter'],
      draft: {
        name: 'Renée Fontaine',
        email: 'renee.fontaine@example.com',
        notes: 'Prefers to be called in the mornings.',
      },
    },
  ],
  deals: [
    {
      key: 'rebrand',
      company: 'nordlicht',
      contact: 'zoe',
      stage: 2,
      closesInDays: 14,
      draft: { title: 'Website rebrand', valueMinor: 1_850_000, currency: 'EUR', probability: 60, owner: 'Sam' },
    },
    {
      key: 'bakery-pos',
      company: 'boulangerie',
      contact: 'lea',
      stage: 1,
      closesInDays: 30,
      draft: {
        title: 'Till system for the bakery',
        valueMinor: 420_000,
        currency: 'EUR',
        probability: 40,
        owner: 'Sam',
      },
    },
    {
      key: 'fjord-fleet',
      company: 'fjord',
      contact: 'ingrid',
      stage: 3,
      closesInDays: 7,
      draft: {
        title: 'Fleet tracking, 40 vans',
        valueMinor: 6_200_000,
        currency: 'EUR',
        probability: 75,
        owner: 'Alex',
      },
    },
    {
      key: 'solano-stores',
      company: 'solano',
      contact: 'jose',
      stage: 0,
      closesInDays: 60,
      draft: { title: 'Three new stores', valueMinor: 2_400_000, currency: 'EUR', probability: 20, owner: 'Alex' },
    },
    {
      key: 'kn-audit',
      company: 'kowalski',
      contact: 'malgorzata',
      stage: 'won',
      draft: { title: 'Yearly support contract', valueMinor: 960_000, currency: 'EUR', probability: 100, owner: 'Sam' },
    },
    {
      key: 'brightside-booking',
      company: 'brightside',
      contact: 'siobhan',
      stage: 2,
      closesInDays: 21,
      draft: { title: 'Online booking', valueMinor: 750_000, currency: 'GBP', probability: 50, owner: 'Alex' },
    },
    {
      key: 'photo-shoot',
      contact: 'chloe',
      stage: 'lost',
      draft: { title: 'Product photos', valueMinor: 180_000, currency: 'EUR', probability: 0, owner: 'Sam' },
    },
    {
      key: 'translation',
      contact: 'ana',
      stage: 1,
      closesInDays: 10,
      draft: { title: 'Catalogue translation', valueMinor: 320_000, currency: 'EUR', probability: 50, owner: 'Sam' },
    },
  ],
  activities: [
    {
      kind: 'call',
      subject: 'First call about the rebrand',
      body: 'Zoë wants the new site live before the spring fair.',
      contact: 'zoe',
      deal: 'rebrand',
      daysAgo: 6,
    },
    {
      kind: 'meeting',
      subject: 'Workshop at Nordlicht',
      body: 'Went through the mood boards with Zoë and Jürgen.',
      contact: 'jurgen',
      deal: 'rebrand',
      daysAgo: 2,
    },
    { kind: 'email', subject: 'Sent the quote for the till system', contact: 'lea', deal: 'bakery-pos', daysAgo: 3 },
    {
      kind: 'note',
      subject: 'About Fjord Logistikk',
      body: 'Ingrid decides on anything over 50,000. Søren runs the depot and tests new tools first.',
      company: 'fjord',
      daysAgo: 9,
    },
    {
      kind: 'call',
      subject: 'Pricing questions',
      body: 'José asked for a discount if all three stores sign at once.',
      contact: 'jose',
      deal: 'solano-stores',
      daysAgo: 1,
    },
    { kind: 'meeting', subject: 'Contract signed', contact: 'malgorzata', deal: 'kn-audit', daysAgo: 12 },
    { kind: 'task', subject: 'Send Zoë the revised timeline', contact: 'zoe', deal: 'rebrand', dueInDays: 0 },
    { kind: 'task', subject: 'Call Ingrid about van numbers', contact: 'ingrid', deal: 'fjord-fleet', dueInDays: 0 },
    {
      kind: 'task',
      subject: 'Prepare the booking demo for Siobhán',
      contact: 'siobhan',
      deal: 'brightside-booking',
      dueInDays: 2,
    },
    { kind: 'task', subject: 'Follow up with Léa on the quote', contact: 'lea', deal: 'bakery-pos', dueInDays: 4 },
    { kind: 'task', subject: 'Ask Ana for the catalogue files', contact: 'ana', deal: 'translation', dueInDays: 5 },
  ],
};
