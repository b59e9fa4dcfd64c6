import type { Core } from '../../electron/core/core';
import { sortKey } from '../../electron/core/records/sort-key';

/** A predictable, realistic-looking address book of any size, written straight to the database (as an import would) for big-list tests. */

const firstNames = [
  'Anna',
  'Bruno',
  'Chloé',
  'Dmitri',
  'Emma',
  'Farah',
  'Grace',
  'Hiro',
  'Ines',
  'Jonas',
  'Kofi',
  'Lena',
  'Mateo',
];
const moreFirstNames = [
  'Nadia',
  'Oscar',
  'Priya',
  'Quentin',
  'Rosa',
  'Samir',
  'Tove',
  'Umar',
  'Vera',
  'Wei',
  'Ximena',
  'Yusuf',
  'Zoe',
];
const allFirstNames = [...firstNames, ...moreFirstNames];
const lastNames = [
  'Berg',
  'Costa',
  'Dubois',
  'Ivanov',
  'Fischer',
  'Haddad',
  'Kim',
  'Tanaka',
  'Lopez',
  'Weber',
  'Mensah',
  'Novak',
  'Rossi',
];
const moreLastNames = [
  'Silva',
  'Jensen',
  'Patel',
  'Moreau',
  'Garcia',
  'Khan',
  'Larsen',
  'Okafor',
  'Petrov',
  'Zhang',
  'Reyes',
  'Demir',
  'Walsh',
];
const allLastNames = [...lastNames, ...moreLastNames];
const companies = [
  'Northwind Traders',
  'Contoso',
  'Fabrikam',
  'Litware',
  'Adatum',
  'Tailspin Toys',
  'Wingtip',
  'Proseware',
  'Coho Winery',
  '',
  'Fourth Coffee',
];

interface SeedRow {
  name: string;
  email: string;
  phone: string;
  company: string | null;
}

/** Contact number i of a predictable, realistic-looking address book. */
export function seedRow(i: number): SeedRow {
  const first = allFirstNames[i % allFirstNames.length]!;
  const last = allLastNames[Math.floor(i / allFirstNames.length) % allLastNames.length]!;
  const round = Math.floor(i / (allFirstNames.length * allLastNames.length));
  const company = companies[i % companies.length]!;
  const domain = (company || 'mail').toLowerCase().replace(/[^a-z]/g, '');
  const local = `${first}.${last}${round || ''}`
    .normalize('NFD')
    .replace(/[^A-Za-z0-9.]/g, '')
    .toLowerCase();
  return {
    name: `${first} ${last}`,
    email: `${local}@${domain}.example`,
    phone: `+1 555 ${String(100 + (i % 900)).padStart(3, '0')} ${String(i % 10_000).padStart(4, '0')}`,
    company: company || null,
  };
}

/** Writes `count` contacts in one transaction, as an import would (with the sort keys the repository keeps); the FTS triggers index them. */
export function seedContacts(core: Pick<Core, 'db'>, count: number): void {
  const insert = core.db.prepare(
    `INSERT INTO contacts (name, email, phone, company, notes, name_sort, company_sort, created_at, updated_at)
     VALUES (@name, @email, @phone, @company, NULL, @nameSort, @companySort, @createdAt, @updatedAt)`,
  );
  const now = Date.now();
  core.db.transaction(() => {
    for (let i = 0; i < count; i++) {
      const at = new Date(now - i * 37_000).toISOString();
      const row = seedRow(i);
      insert.run({
        ...row,
        nameSort: sortKey(row.name),
        companySort: row.company === null ? null : sortKey(row.company),
        createdAt: at,
        updatedAt: at,
      });
    }
  })();
}
