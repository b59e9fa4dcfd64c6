import type { RecordKind } from '../../../../shared/schemas/record';
import { EmptyState } from '../../components/EmptyState';
import { recordKindLook } from '../palette';

/** Nothing in the trash (or none of one kind): say so, and how long things would stay. */
export function TrashEmpty({ kind }: { kind: RecordKind | undefined }) {
  return (
    <EmptyState
      icon={kind ? recordKindLook[kind].icon : 'trash'}
      muted
      title={kind ? `No deleted ${recordKindLook[kind].many.toLowerCase()}` : 'The trash is empty'}
      text="Contacts, companies, deals and activities you delete come here. They stay 30 days, so you can restore them with their links, and are then deleted for good."
    />
  );
}
