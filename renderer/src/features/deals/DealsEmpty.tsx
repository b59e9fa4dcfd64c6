import { Button } from '../../components/Button';
import { IconTile } from '../../components/IconTile';
import '../contacts/ContactsEmpty.css';

/** No deals yet, so say what to do. */
export function NoDealsYet({ onCreate }: { onCreate(): void }) {
  return (
    <div className="contacts-empty">
      <IconTile icon="deals" />
      <h2 className="contacts-empty__title">No deals yet</h2>
      <p className="contacts-empty__text">Add the opportunities you are working on and follow them from the first call to the signed contract.</p>
      <Button variant="primary" icon="plus" onClick={onCreate}>
        Add your first deal
      </Button>
    </div>
  );
}
