// What other features may use of lead-sources; they import it from here, never from its files.
export { ConsentField, LeadSourceFields } from './MarketingFields';
export { MarketingFilters } from './MarketingFilters';
export { useLeadSources } from './useLeadSources';
