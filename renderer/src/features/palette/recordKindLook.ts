import type { IconName } from '../../components/Icon';
import type { RecordKind } from '../../../../shared/schemas/record';

/** How each kind of record is drawn and named in lists that mix kinds (search results, the trash). */
export const recordKindLook: Record<RecordKind, { icon: IconName; one: string; many: string }> = {
  contact: { icon: 'contacts', one: 'contact', many: 'Contacts' },
  company: { icon: 'companies', one: 'company', many: 'Companies' },
  deal: { icon: 'deals', one: 'deal', many: 'Deals' },
  activity: { icon: 'activities', one: 'activity', many: 'Activities' },
};
