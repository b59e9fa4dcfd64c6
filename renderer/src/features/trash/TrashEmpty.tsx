import { IconTile } from '../../components/IconTile';

/** Nothing in the trash: say so, and how long things would stay. */
export function TrashEmpty() {
  return (
    <div className="trash-empty">
      <IconTile icon="trash" muted />
      <h2 className="trash-empty__title">The trash is empty</h2>
      <p className="trash-empty__text">
        Contacts, companies, deals and activities you delete come here. They stay 30 days, so you can restore them with their links, and are then deleted for good.
      </p>
    </div>
  );
}
