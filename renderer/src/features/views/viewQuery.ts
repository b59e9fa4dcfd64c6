import type { z } from 'zod';
import { CompanyListRequest } from '../../../../shared/schemas/company';
import { ContactListRequest } from '../../../../shared/schemas/contact';
import { DealListRequest } from '../../../../shared/schemas/deal';
import type { FieldedKind } from '../../../../shared/schemas/record';
import type { ListQuery } from '../../lib/pagedRows';

/** What a view keeps of a list: its request without the page. */
export function toViewQuery(query: ListQuery): Record<string, unknown> {
  return { sort: query.sort, direction: query.direction, search: query.search, ...query.filters };
}

type ViewRequest = {
  sort: string;
  direction: 'asc' | 'desc';
  search: string;
  tagIds: number[];
  tagMatch: 'any' | 'all';
  custom: ListQuery['filters']['custom'];
  segmentId?: number | undefined;
} & Pick<ListQuery['filters'], 'leadSources' | 'consent'>;
const requestSchemas: Record<FieldedKind, z.ZodType<ViewRequest>> = {
  contact: ContactListRequest,
  company: CompanyListRequest,
  deal: DealListRequest,
};

/**
 * A saved view's query as the list's own, or null when the list cannot show
 * all of it: saved by another version, or narrowed by something this screen
 * has no control for (a deal view made elsewhere with a stage filter). Never
 * a list that silently drops part of the view's filter.
 */
export function fromViewQuery<Sort extends string>(
  kind: FieldedKind,
  stored: Record<string, unknown>,
): ListQuery<Sort> | null {
  const schema = requestSchemas[kind];
  const parsed = schema.safeParse({ ...stored, offset: 0, limit: 1 });
  if (!parsed.success) return null;
  const { sort, direction, search, tagIds, tagMatch, custom, segmentId, leadSources = [], consent = [] } = parsed.data;
  const marketing = {
    ...(leadSources.length > 0 ? { leadSources } : {}),
    ...(consent.length > 0 ? { consent } : {}),
    ...(segmentId === undefined ? {} : { segmentId }),
  };
  const query: ListQuery<Sort> = {
    sort: sort as Sort,
    direction,
    search,
    filters: { tagIds, tagMatch, custom, ...marketing },
  };
  const shown = schema.safeParse({ ...toViewQuery(query), offset: 0, limit: 1 });
  return shown.success && JSON.stringify(shown.data) === JSON.stringify(parsed.data) ? query : null;
}
