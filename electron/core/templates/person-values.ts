import type { FieldCatalogue } from './merge-fields';
import { splitName } from './person-name';
import type { MergePerson } from './repo';

/** The value of every field a template may name, for one person ('' where they have none). */
export function personValues(person: MergePerson, catalogue: FieldCatalogue): (key: string) => string {
  const { row } = person;
  const { first, last } = splitName(row.name);
  const builtIn: Record<string, string | null> = {
    first_name: first,
    last_name: last,
    name: row.name,
    email: row.email,
    phone: row.phone,
    company: row.company_name ?? row.company,
    lead_source: row.lead_source,
    utm_source: row.utm_source,
    utm_medium: row.utm_medium,
    utm_campaign: row.utm_campaign,
    'company.name': row.company_name ?? row.company,
    'company.industry': row.company_industry,
    'company.website': row.company_website,
    'company.phone': row.company_phone,
    'company.address': row.company_address,
    'company.lead_source': row.company_lead_source,
  };
  return (key) => {
    const source = catalogue.sourceOf(key);
    if (!source) return '';
    if (source.type === 'builtIn') return builtIn[key] ?? '';
    return (source.kind === 'contact' ? person.contactCustom : person.companyCustom).get(source.fieldId) ?? '';
  };
}
