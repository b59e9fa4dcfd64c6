import type { Conditions } from '../records/list-query';

/**
 * Records whose lead source is any of `names` ('' stands for none). The
 * column compares without case, and its index (lead_source IS NULL,
 * lead_source, id) serves the match.
 */
export function leadSourceCondition(alias: string, names: readonly string[], into: Conditions): void {
  const wanted = [...new Set(names)];
  if (wanted.length === 0) return;
  const named = wanted.filter((name) => name !== '');
  const terms: string[] = [];
  if (named.length > 0) {
    terms.push(`${alias}.lead_source IN (SELECT value FROM json_each(@leadSources))`);
    into.params.leadSources = JSON.stringify(named);
  }
  if (named.length < wanted.length) terms.push(`${alias}.lead_source IS NULL`);
  into.where.push(terms.length === 1 ? terms[0]! : `(${terms.join(' OR ')})`);
}
