import type { DealSortKey } from '../../../../shared/schemas/deal';

export interface DealColumn {
  key: DealSortKey;
  label: string;
  /** The way people usually want this column first: titles A→Z, biggest values and surest deals first. */
  firstDirection: 'asc' | 'desc';
}

export const dealColumns: readonly DealColumn[] = [
  { key: 'title', label: 'Deal', firstDirection: 'asc' },
  { key: 'stage', label: 'Stage', firstDirection: 'asc' },
  { key: 'value', label: 'Value', firstDirection: 'desc' },
  { key: 'probability', label: 'Probability', firstDirection: 'desc' },
  { key: 'expectedCloseDate', label: 'Closes', firstDirection: 'asc' },
  { key: 'owner', label: 'Owner', firstDirection: 'asc' },
  { key: 'updatedAt', label: 'Updated', firstDirection: 'desc' },
];
