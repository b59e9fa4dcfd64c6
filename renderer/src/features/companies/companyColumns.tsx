import type { CompanySortKey, CompanySummary } from '../../../../shared/schemas/company';
import { NameCell, TextCell, TimeCell } from '../../components/grid/cells';
import type { GridColumn } from '../../components/grid/columns';
import { SampleBadge } from '../welcome';
import './companyColumns.css';

export const companyColumns: readonly GridColumn<CompanySummary, CompanySortKey>[] = [
  {
    key: 'name',
    label: 'Name',
    firstDirection: 'asc',
    cell: (company) => (
      <NameCell
        name={company.name}
        photo={null}
        note={<SampleBadge kind="company" id={company.id} placement="below" />}
      />
    ),
  },
  {
    key: 'industry',
    label: 'Industry',
    firstDirection: 'asc',
    cell: (company) => <TextCell text={company.industry} />,
  },
  { key: 'phone', label: 'Phone', firstDirection: 'asc', cell: (company) => <TextCell text={company.phone} numeric /> },
  { key: 'website', label: 'Website', firstDirection: 'asc', cell: (company) => <TextCell text={company.website} /> },
  {
    key: 'leadSource',
    label: 'Lead source',
    firstDirection: 'asc',
    cell: (company) => <TextCell text={company.leadSource} />,
  },
  {
    key: 'updatedAt',
    label: 'Updated',
    firstDirection: 'desc',
    cell: (company) => <TimeCell at={company.updatedAt} />,
  },
];
