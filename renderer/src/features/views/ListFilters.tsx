import type { FieldedKind } from '../../../../shared/schemas/record';
import type { ListFilters as Filters } from '../../lib/pagedRows';
import { CustomFieldFilter } from '../custom-fields/CustomFieldFilter';
import { MarketingFilters } from '../lead-sources/MarketingFilters';
import { TagFilter } from '../tags/TagFilter';
import { tagFilterRequest } from '../tags/tagFilter';

interface ListFiltersProps {
  kind: FieldedKind;
  filters: Filters;
  onChange(filters: Filters): void;
}

/** A list's filter controls: by tags, and by custom-field conditions. */
export function ListFilters({ kind, filters, onChange }: ListFiltersProps) {
  const tagValue = filters.tagIds.length > 0 ? { tagIds: filters.tagIds, mode: filters.tagMatch } : null;
  return (
    <>
      <TagFilter kind={kind} value={tagValue} onChange={(value) => onChange({ ...filters, ...tagFilterRequest(value) })} />
      <CustomFieldFilter kind={kind} value={filters.custom} onChange={(custom) => onChange({ ...filters, custom })} />
      <MarketingFilters kind={kind} filters={filters} onChange={onChange} />
    </>
  );
}
