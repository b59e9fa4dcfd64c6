import type { FieldedKind } from '../../../../shared/schemas/record';
import type { ListFilters as Filters } from '../../lib/pagedRows';
import { CustomFieldFilter } from '../custom-fields';
import { SegmentFilter } from '../segments';
import { MarketingFilters } from '../lead-sources';
import { TagFilter, tagFilterRequest } from '../tags';

interface ListFiltersProps {
  kind: FieldedKind;
  filters: Filters;
  onChange: (filters: Filters) => void;
}

/** A list's filter controls: by tags, by custom-field conditions, and (contacts) by a saved segment. */
export function ListFilters({ kind, filters, onChange }: ListFiltersProps) {
  const tagValue = filters.tagIds.length > 0 ? { tagIds: filters.tagIds, mode: filters.tagMatch } : null;
  return (
    <>
      <TagFilter
        kind={kind}
        value={tagValue}
        onChange={(value) => onChange({ ...filters, ...tagFilterRequest(value) })}
      />
      <CustomFieldFilter kind={kind} value={filters.custom} onChange={(custom) => onChange({ ...filters, custom })} />
      {kind === 'contact' && (
        <SegmentFilter value={filters.segmentId} onChange={(segmentId) => onChange(withSegment(filters, segmentId))} />
      )}
      <MarketingFilters kind={kind} filters={filters} onChange={onChange} />
    </>
  );
}

function withSegment(filters: Filters, segmentId: number | undefined): Filters {
  if (segmentId !== undefined) return { ...filters, segmentId };
  const rest = { ...filters };
  delete rest.segmentId;
  return rest;
}
