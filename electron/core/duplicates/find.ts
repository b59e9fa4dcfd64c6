import type { DuplicateGroup } from '../../../shared/schemas/duplicates';
import type { Db } from '../db/open';
import { editDistance } from './keys';

type Kind = 'contact' | 'company';
type Reason = DuplicateGroup['reason'];

interface GroupKey {
  reason: Reason;
  /** The shared key, or for similar names every name key of the cluster. */
  keys: string[];
}

interface RecordRow {
  id: number;
  name: string;
  email: string | null;
  phone: string | null;
  detail: string | null;
  updated_at: string;
}

// Similar names: keys of this length (short names, where one letter is a typo and not another name).
const similarMin = 4;
const similarMax = 30;
// A deletion variant shared by more keys than this is too common to tell anything.
const maxRun = 200;

/** FNV-1a, 32 bits: a compact stand-in for a string in the variant table (collisions are re-checked). */
function hash32(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/**
 * Pairs of name keys one edit apart (a letter added, dropped, changed, or
 * two swapped), grouped into clusters. Candidates come from shared
 * one-letter-deleted variants (a sorted table of hashes, so memory stays
 * small), then each pair is checked exactly.
 */
export function similarNameClusters(keys: readonly string[]): string[][] {
  const usable = keys.filter((key) => key.length >= similarMin && key.length <= similarMax);
  if (usable.length < 2 || usable.length >= 2 ** 21) return [];
  const entries: number[] = [];
  usable.forEach((key, index) => {
    const variants = new Set([key]);
    for (let i = 0; i < key.length; i++) variants.add(key.slice(0, i) + key.slice(i + 1));
    for (const variant of variants) entries.push(hash32(variant) * 2 ** 21 + index);
  });
  const table = Float64Array.from(entries).sort();
  const parent = usable.map((_, index) => index);
  const root = (index: number): number => {
    while (parent[index] !== index) index = parent[index] = parent[parent[index]!]!;
    return index;
  };
  for (let start = 0; start < table.length;) {
    const hash = Math.floor(table[start]! / 2 ** 21);
    let end = start + 1;
    while (end < table.length && Math.floor(table[end]! / 2 ** 21) === hash) end++;
    if (end - start > 1 && end - start <= maxRun) {
      const members = [...new Set(Array.from(table.subarray(start, end), (entry) => entry % 2 ** 21))];
      for (let a = 0; a < members.length; a++) {
        for (let b = a + 1; b < members.length; b++) {
          const [x, y] = [members[a]!, members[b]!];
          if (root(x) !== root(y) && editDistance(usable[x]!, usable[y]!, 1) <= 1) parent[root(x)] = root(y);
        }
      }
    }
    start = end;
  }
  const clusters = new Map<number, string[]>();
  usable.forEach((key, index) => {
    const cluster = clusters.get(root(index)) ?? [];
    cluster.push(key);
    clusters.set(root(index), cluster);
  });
  return [...clusters.values()]
    .filter((cluster) => cluster.length > 1)
    .map((cluster) => cluster.sort())
    .sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
}

/** Groups of contacts or companies that look like the same one, a page at a time. */
export function duplicateFinder(db: Db) {
  const table = { contact: 'contacts', company: 'companies' } as const;
  const emailColumn = { contact: 'email', company: 'website' } as const;
  const detailColumn = { contact: 'company', company: 'industry' } as const;
  const statements = Object.fromEntries(
    (['contact', 'company'] as const).map((kind) => {
      const t = table[kind];
      const email = emailColumn[kind];
      const columns = `id, name, ${email} AS email, phone, ${detailColumn[kind]} AS detail, updated_at`;
      return [
        kind,
        {
          email: db
            .prepare<[], string>(
              `SELECT ${email} FROM ${t} WHERE deleted_at IS NULL AND ${email} IS NOT NULL GROUP BY ${email} HAVING count(*) > 1 ORDER BY ${email}`,
            )
            .pluck(),
          phone: db
            .prepare<[], string>(
              `SELECT phone_key FROM ${t} WHERE deleted_at IS NULL AND phone_key IS NOT NULL GROUP BY phone_key HAVING count(*) > 1 ORDER BY phone_key`,
            )
            .pluck(),
          // In phone-book order (records/sort-key.ts), as the lists show names.
          name: db
            .prepare<[], string>(
              `SELECT name_key FROM ${t} WHERE deleted_at IS NULL AND name_key IS NOT NULL GROUP BY name_key HAVING count(*) > 1 ORDER BY min(name_sort), name_key`,
            )
            .pluck(),
          nameKeys: db
            .prepare<[], string>(
              `SELECT DISTINCT name_key FROM ${t} WHERE deleted_at IS NULL AND length(name_key) BETWEEN ${similarMin} AND ${similarMax}`,
            )
            .pluck(),
          records: {
            email: db.prepare<[string], RecordRow>(
              `SELECT ${columns} FROM ${t} WHERE deleted_at IS NULL AND ${email} = ? ORDER BY id`,
            ),
            phone: db.prepare<[string], RecordRow>(
              `SELECT ${columns} FROM ${t} WHERE deleted_at IS NULL AND phone_key = ? ORDER BY id`,
            ),
            name: db.prepare<[string], RecordRow>(
              `SELECT ${columns} FROM ${t} WHERE deleted_at IS NULL AND name_key = ? ORDER BY id`,
            ),
            similarName: db.prepare<[string], RecordRow>(
              `SELECT ${columns} FROM ${t} WHERE deleted_at IS NULL AND name_key IN (SELECT value FROM json_each(?)) ORDER BY name_key, id`,
            ),
          },
        },
      ];
    }),
  ) as Record<
    Kind,
    {
      email: ReturnType<typeof db.prepare<[], string>>;
      phone: ReturnType<typeof db.prepare<[], string>>;
      name: ReturnType<typeof db.prepare<[], string>>;
      nameKeys: ReturnType<typeof db.prepare<[], string>>;
      records: Record<Reason, ReturnType<typeof db.prepare<[string], RecordRow>>>;
    }
  >;

  function groups(kind: Kind): GroupKey[] {
    const s = statements[kind];
    return [
      ...s.email.all().map((key) => ({ reason: 'email' as const, keys: [key] })),
      ...s.phone.all().map((key) => ({ reason: 'phone' as const, keys: [key] })),
      ...s.name.all().map((key) => ({ reason: 'name' as const, keys: [key] })),
      ...similarNameClusters(s.nameKeys.all()).map((keys) => ({ reason: 'similarName' as const, keys })),
    ];
  }

  return {
    page(kind: Kind, offset: number, limit: number): { total: number; offset: number; groups: DuplicateGroup[] } {
      const all = groups(kind);
      const page = all.slice(offset, offset + limit).map((group): DuplicateGroup => {
        const query = statements[kind].records[group.reason];
        const rows = query.all(group.reason === 'similarName' ? JSON.stringify(group.keys) : group.keys[0]!);
        return {
          reason: group.reason,
          size: rows.length,
          records: rows.slice(0, 20).map((row) => ({
            id: row.id,
            name: row.name,
            email: row.email ?? '',
            phone: row.phone ?? '',
            detail: row.detail ?? '',
            updatedAt: row.updated_at,
          })),
        };
      });
      return { total: all.length, offset, groups: page };
    },
  };
}
