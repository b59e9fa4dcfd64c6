import type { TextFieldSpec } from '../../components/TextFields';
import type { CompanyField } from './companyForm';

/** A company's fields, in the order the form shows them. */
export const companyFieldSpecs: readonly TextFieldSpec<CompanyField>[] = [
  { field: 'name', label: 'Name', placeholder: 'Company name' },
  { field: 'website', label: 'Website', type: 'url', placeholder: 'example.com' },
  { field: 'phone', label: 'Phone', type: 'tel', placeholder: '+44 20 7946 0958' },
  { field: 'address', label: 'Address', rows: 2, placeholder: 'Street, town, postcode' },
  { field: 'industry', label: 'Industry', placeholder: 'What they do' },
  { field: 'notes', label: 'Notes', rows: 4, placeholder: 'What they need, who decides, what to do next…' },
];
