import type { ContactSortKey, ContactSummary } from '../../../../shared/schemas/contact';
import { consentLabels } from '../../../../shared/schemas/marketing';
import { NameCell, TextCell, TimeCell } from '../../components/grid/cells';
import type { GridColumn } from '../../components/grid/columns';
import { SampleBadge } from '../welcome';
import './contactColumns.css';

export const contactColumns: readonly GridColumn<ContactSummary, ContactSortKey>[] = [
  {
    key: 'name',
    label: 'Name',
    firstDirection: 'asc',
    cell: (contact) => (
      <NameCell
        name={contact.name}
        photo={contact.photo}
        note={<SampleBadge kind="contact" id={contact.id} placement="below" />}
      />
    ),
  },
  { key: 'company', label: 'Company', firstDirection: 'asc', cell: (contact) => <TextCell text={contact.company} /> },
  { key: 'email', label: 'Email', firstDirection: 'asc', cell: (contact) => <TextCell text={contact.email} /> },
  { key: 'phone', label: 'Phone', firstDirection: 'asc', cell: (contact) => <TextCell text={contact.phone} numeric /> },
  {
    key: 'leadSource',
    label: 'Lead source',
    firstDirection: 'asc',
    cell: (contact) => <TextCell text={contact.leadSource} />,
  },
  {
    key: 'consent',
    label: 'Consent',
    firstDirection: 'asc',
    cell: (contact) => <TextCell text={consentLabels[contact.consent]} />,
  },
  {
    key: 'updatedAt',
    label: 'Updated',
    firstDirection: 'desc',
    cell: (contact) => <TimeCell at={contact.updatedAt} />,
  },
];
