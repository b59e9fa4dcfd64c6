import {
  consentLabels,
  consentSourceLabels,
  consentStatuses,
  type ConsentSource,
} from '../../../../shared/schemas/marketing';
import { leadSourceLimits } from '../../../../shared/schemas/lead-source';
import { Field } from '../../components/Field';
import { SelectField } from '../../components/SelectField';
import { useLeadSources } from './useLeadSources';
import './MarketingFields.css';

export type TrackingField = 'leadSource' | 'utmSource' | 'utmMedium' | 'utmCampaign';
const utmFields = [
  { field: 'utmSource', label: 'UTM source', placeholder: 'newsletter, google…' },
  { field: 'utmMedium', label: 'UTM medium', placeholder: 'email, cpc…' },
  { field: 'utmCampaign', label: 'UTM campaign', placeholder: 'spring-sale' },
] as const;

interface LeadSourceFieldsProps {
  idPrefix: string;
  values: Record<TrackingField, string>;
  errors: Partial<Record<TrackingField, string | undefined>>;
  onChange: (field: TrackingField, value: string) => void;
}

/** Where a contact or company came from: a lead source from the list, and the UTM fields in a "Campaign tracking" group, open when any is filled. */
export function LeadSourceFields({ idPrefix, values, errors, onChange }: LeadSourceFieldsProps) {
  const sources = useLeadSources();
  const names = sources.map((source) => source.name);
  // A source renamed or deleted elsewhere meanwhile still shows as the record has it.
  if (values.leadSource !== '' && !names.some((name) => name.toLowerCase() === values.leadSource.toLowerCase()))
    names.push(values.leadSource);
  const tracked = utmFields.some(({ field }) => values[field] !== '');
  return (
    <>
      <SelectField
        id={`${idPrefix}-leadSource`}
        label="Lead source"
        value={values.leadSource}
        error={errors.leadSource}
        onChange={(value) => onChange('leadSource', value)}
        options={[{ value: '', label: '(none)' }, ...names.map((name) => ({ value: name, label: name }))]}
      />
      <details className="marketing-fields__tracking" open={tracked || undefined}>
        <summary>Campaign tracking</summary>
        {utmFields.map(({ field, label, placeholder }) => (
          <Field
            key={field}
            id={`${idPrefix}-${field}`}
            label={label}
            value={values[field]}
            placeholder={placeholder}
            limit={leadSourceLimits.utm}
            error={errors[field]}
            onChange={(event) => onChange(field, event.target.value)}
          />
        ))}
      </details>
    </>
  );
}

const dateWords = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });

/** "Changed 3 Dec 2026, by phone", or that it never was. */
export function consentChangeWords(changedAt: string | null, source: ConsentSource | null): string {
  if (changedAt === null) return 'Never changed.';
  return `Changed ${dateWords.format(new Date(changedAt))}${source ? `, ${consentSourceLabels[source]}` : ''}.`;
}

interface ConsentFieldProps {
  id: string;
  value: string;
  error?: string | undefined;
  /** When and how the saved status last changed (null for a new contact). */
  changed: { at: string | null; source: ConsentSource | null } | null;
  onChange: (value: string) => void;
}

/** A contact's marketing consent, with when and how it last changed underneath. */
export function ConsentField({ id, value, error, changed, onChange }: ConsentFieldProps) {
  return (
    <div className="marketing-fields__consent">
      <SelectField
        id={id}
        label="Marketing consent"
        value={value}
        error={error}
        onChange={onChange}
        options={consentStatuses.map((status) => ({ value: status, label: consentLabels[status] }))}
      />
      {changed && (
        <p className="field__hint marketing-fields__changed">{consentChangeWords(changed.at, changed.source)}</p>
      )}
    </div>
  );
}
