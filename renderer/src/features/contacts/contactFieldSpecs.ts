import type { TextFieldSpec } from '../../components/TextFields';
import type { ContactField } from './contactForm';

/** A contact's fields, in the order the form shows them. */
export const contactFieldSpecs: readonly TextFieldSpec<ContactField>[] = [
  { field: 'name', label: 'Name', placeholder: 'Full name' },
  { field: 'email', label: 'Email', type: 'email', placeholder: 'name@example.com' },
  { field: 'phone', label: 'Phone', type: 'tel', placeholder: '+44 20 7946 0958' },
  { field: 'company', label: 'Company', placeholder: 'Where they work' },
  { field: 'notes', label: 'Notes', rows: 4, placeholder: 'How you met, what they need, what to do next…' },
];
