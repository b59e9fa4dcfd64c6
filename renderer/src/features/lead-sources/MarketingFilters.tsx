import { useId } from 'react';
import {
  consentLabels,
  consentStatuses,
  doNotContactStatuses,
  type ConsentStatus,
} from '../../../../shared/schemas/marketing';
import type { FieldedKind } from '../../../../shared/schemas/record';
import { Select } from '../../components/Select';
import type { ListFilters } from '../../lib/pagedRows';
import { useLeadSources } from './useLeadSources';

/** Consent choices of the filter: each status, and the two groups people ask for. */
const consentChoices: ReadonlyArray<{ value: string; label: string; statuses: readonly ConsentStatus[] }> = [
  ...consentStatuses.map((status) => ({ value: status, label: consentLabels[status], statuses: [status] })),
  { value: 'may', label: 'May be contacted', statuses: ['subscribed', 'not_asked'] },
  { value: 'optedOut', label: 'Opted out', statuses: doNotContactStatuses },
];

const choiceOf = (statuses: readonly ConsentStatus[] | undefined) =>
  statuses && statuses.length > 0
    ? (consentChoices.find((choice) => [...choice.statuses].sort().join() === [...statuses].sort().join())?.value ?? '')
    : '';

interface MarketingFiltersProps {
  kind: FieldedKind;
  filters: ListFilters;
  onChange: (filters: ListFilters) => void;
}

/** Filters by lead source (contacts and companies) and consent (contacts); nothing for other lists. */
export function MarketingFilters({ kind, filters, onChange }: MarketingFiltersProps) {
  const id = useId();
  const sources = useLeadSources();
  if (kind === 'deal') return null;
  const leadSource = filters.leadSources?.[0];
  // A filter not in use is left out of the request altogether.
  const withLeadSource = (value: string): ListFilters => {
    const next: ListFilters = { ...filters };
    if (value === 'all') delete next.leadSources;
    else next.leadSources = [value];
    return next;
  };
  const withConsent = (value: string): ListFilters => {
    const next: ListFilters = { ...filters };
    const statuses = consentChoices.find((choice) => choice.value === value)?.statuses;
    if (statuses) next.consent = [...statuses];
    else delete next.consent;
    return next;
  };
  return (
    <>
      <Select
        id={`${id}-lead-source`}
        aria-label="Filter by lead source"
        value={leadSource ?? 'all'}
        onChange={(event) => onChange(withLeadSource(event.target.value))}
        options={[
          { value: 'all', label: 'Any lead source' },
          ...sources.map((source) => ({ value: source.name, label: source.name })),
          { value: '', label: 'No lead source' },
        ]}
      />
      {kind === 'contact' && (
        <Select
          id={`${id}-consent`}
          aria-label="Filter by marketing consent"
          value={choiceOf(filters.consent)}
          onChange={(event) => onChange(withConsent(event.target.value))}
          options={[
            { value: '', label: 'Any consent' },
            ...consentChoices.map(({ value, label }) => ({ value, label })),
          ]}
        />
      )}
    </>
  );
}
