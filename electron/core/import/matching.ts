import type { ImportKind } from '../../../shared/schemas/import';
import type { Db } from '../db/open';
import { companyNameKey, phoneKey } from '../duplicates/keys';

/** An email as compared: trimmed, ASCII letters lower-cased (as SQLite's lower(), which the email index of migration 21 uses). */
export const emailKey = (email: string): string | null => {
  const key = email.trim().replace(/[A-Z]/g, (letter) => letter.toLowerCase());
  return key === '' ? null : key;
};

/** A web address's domain: "https://www.Acme.com/about" → "acme.com". */
export const domainKey = (website: string): string | null => {
  const host = website
    .trim()
    .toLowerCase()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
    .split(/[/?#:]/)[0]!
    .replace(/^www\./, '');
  return host.includes('.') ? host : null;
};

/**
 * The keys a row is matched by, in the order they are tried: email, then
 * phone; for companies also the name and the website's domain.
 */
export function matchKeys(kind: ImportKind, values: Record<string, string>): string[] {
  const keys: Array<string | null> =
    kind === 'contact'
      ? [prefixed('email', emailKey(values.email ?? '')), prefixed('phone', phoneKey(values.phone ?? ''))]
      : [
          prefixed('phone', phoneKey(values.phone ?? '')),
          prefixed('name', companyNameKey(values.name ?? '') || null),
          prefixed('domain', domainKey(values.website ?? '')),
        ];
  return keys.filter((key): key is string => key !== null);
}

const prefixed = (kind: string, key: string | null): string | null => (key === null ? null : `${kind}:${key}`);

export interface FoundRecord {
  id: number;
  name: string;
}

/**
 * Finds the existing record a key names (the oldest one, when several do),
 * by index: email (lower-cased), phone key, company name key; domains from a
 * map of the companies' websites built once (no index reads a domain out of
 * a web address) and kept up to date by `noteCompany` as an import writes.
 */
export function recordFinder(db: Db, kind: ImportKind) {
  const table = kind === 'contact' ? 'contacts' : 'companies';
  const byEmail = db.prepare<[string], FoundRecord>(
    'SELECT id, name FROM contacts WHERE lower(email) = ? AND email IS NOT NULL AND deleted_at IS NULL ORDER BY id LIMIT 1',
  );
  const byPhone = db.prepare<[string], FoundRecord>(
    `SELECT id, name FROM ${table} WHERE phone_key = ? AND deleted_at IS NULL ORDER BY id LIMIT 1`,
  );
  const byName = db.prepare<[string], FoundRecord>(
    'SELECT id, name FROM companies WHERE name_key = ? AND deleted_at IS NULL ORDER BY id LIMIT 1',
  );
  // Email, else phone, in one call: most rows of a large file match neither, and each call into SQLite costs more than its two index reads.
  const byEmailOrPhone = db.prepare<[string, string], FoundRecord>(
    `SELECT id, name FROM contacts WHERE id = coalesce(
       (SELECT id FROM contacts WHERE lower(email) = ? AND email IS NOT NULL AND deleted_at IS NULL ORDER BY id LIMIT 1),
       (SELECT id FROM contacts WHERE phone_key = ? AND deleted_at IS NULL ORDER BY id LIMIT 1))`,
  );
  const nameOf = db.prepare<[number], string>('SELECT name FROM companies WHERE id = ? AND deleted_at IS NULL').pluck();
  let domains: Map<string, number> | undefined;
  const domainMap = (): Map<string, number> => {
    if (domains) return domains;
    domains = new Map();
    for (const row of db
      .prepare<[], { id: number; website: string }>(
        'SELECT id, website FROM companies WHERE website IS NOT NULL AND deleted_at IS NULL ORDER BY id',
      )
      .iterate()) {
      const domain = domainKey(row.website);
      if (domain !== null && !domains.has(domain)) domains.set(domain, row.id);
    }
    return domains;
  };

  const finder = {
    find(key: string): FoundRecord | undefined {
      const split = key.indexOf(':');
      const type = key.slice(0, split);
      const value = key.slice(split + 1);
      switch (type) {
        case 'email':
          return byEmail.get(value);
        case 'phone':
          return byPhone.get(value);
        case 'name':
          return byName.get(value);
        case 'domain': {
          const id = domainMap().get(value);
          const name = id === undefined ? undefined : nameOf.get(id);
          return id === undefined || name === undefined ? undefined : { id, name };
        }
        default:
          return undefined;
      }
    },
    /** A company the import wrote: its domain now finds it. */
    noteCompany(id: number, website: string): void {
      const domain = domainKey(website);
      if (domain !== null && !domainMap().has(domain)) domainMap().set(domain, id);
    },
    /** The record the first of the keys (as matchKeys gives them) that finds one names. */
    first(keys: readonly string[]): FoundRecord | undefined {
      const [email, phone] = keys;
      if (kind === 'contact' && keys.length === 2 && email!.startsWith('email:') && phone!.startsWith('phone:')) {
        return byEmailOrPhone.get(email!.slice('email:'.length), phone!.slice('phone:'.length));
      }
      for (const key of keys) {
        const found = finder.find(key);
        if (found) return found;
      }
      return undefined;
    },
  };
  return finder;
}
