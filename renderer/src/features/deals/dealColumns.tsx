import type { DealSortKey, DealSummary } from '../../../../shared/schemas/deal';
import { TextCell, TimeCell } from '../../components/grid/cells';
import type { GridColumn } from '../../components/grid/columns';
import { SampleBadge } from '../welcome';
import { formatCloseDate } from './closeDate';
import { formatMoney } from '../../lib/money';
import './dealColumns.css';
import './StageChip.css';

/** Two lines a row, the title over its company (matches .deal-row in dealColumns.css). */
export const dealRowHeight = 52;

export const dealColumns: readonly GridColumn<DealSummary, DealSortKey>[] = [
  {
    key: 'title',
    label: 'Deal',
    firstDirection: 'asc',
    cell: (deal) => (
      <span className="deal-row__title">
        <span className="deal-row__line">
          <span className="cell__text cell__text--strong">{deal.title}</span>
          <SampleBadge kind="deal" id={deal.id} />
        </span>
        {deal.companyName && <span className="cell__text cell__text--muted">{deal.companyName}</span>}
      </span>
    ),
  },
  {
    key: 'stage',
    label: 'Stage',
    firstDirection: 'asc',
    cell: (deal) => <span className={`stage-chip stage-chip--${deal.stageKind}`}>{deal.stageName}</span>,
  },
  {
    key: 'value',
    label: 'Value',
    firstDirection: 'desc',
    cell: (deal) => <TextCell text={formatMoney(deal.valueMinor, deal.currency)} numeric />,
  },
  {
    key: 'probability',
    label: 'Probability',
    firstDirection: 'desc',
    cell: (deal) => <TextCell text={deal.probability === null ? '' : `${deal.probability}%`} numeric />,
  },
  {
    key: 'expectedCloseDate',
    label: 'Closes',
    firstDirection: 'asc',
    cell: (deal) => <TextCell text={deal.expectedCloseDate ? formatCloseDate(deal.expectedCloseDate) : ''} numeric />,
  },
  { key: 'owner', label: 'Owner', firstDirection: 'asc', cell: (deal) => <TextCell text={deal.owner} /> },
  { key: 'updatedAt', label: 'Updated', firstDirection: 'desc', cell: (deal) => <TimeCell at={deal.updatedAt} /> },
];
