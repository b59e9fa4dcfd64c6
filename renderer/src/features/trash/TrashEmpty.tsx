import type { RecordKind } from '../../../../shared/schemas/record';
import { IconTile } from '../../components/IconTile';
import { recordKindLook } from '../palette/recordKindLook';
import '../contacts/ContactsEmpty.css';

/** Nothing in the trash (or none of one kind): say so, and how long things would stay. */
export function TrashEmpty({ kind }: { kind: RecordKind | undefined }) {
  return (
    <div className="contacts-empty">
      <IconTile icon={kind ? recordKindLook[kind].icon : 'trash'} muted />
      <h2 className="contacts-empty__title">{kind ? `No deleted ${recordKindLook[kind].many.toLowerCase()}` : 'The trash is empty'}</h2>
      <p className="contacts-empty__text">
        Contacts, companies, deals and activities you delete come here. They stay 30 days, so you can restore them with their links, and are then deleted for good.
      </p>
    </div>
  );
}
