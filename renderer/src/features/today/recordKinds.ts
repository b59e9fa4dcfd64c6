import type { FieldedKind } from '../../../../shared/schemas/record';
import type { IconName } from '../../components/Icon';

/** How a kind of record is shown beside its name: its word and its sidebar icon. */
export const recordKindLooks: Record<FieldedKind, { name: string; icon: IconName }> = {
  contact: { name: 'Contact', icon: 'contacts' },
  company: { name: 'Company', icon: 'companies' },
  deal: { name: 'Deal', icon: 'deals' },
};
