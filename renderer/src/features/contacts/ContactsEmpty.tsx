import { Button } from '../../components/Button';
import { IconTile } from '../../components/IconTile';
import './ContactsEmpty.css';

/** First run: nothing to list yet, so say what to do. */
export function NoContactsYet({ onCreate }: { onCreate(): void }) {
  return (
    <div className="contacts-empty">
      <IconTile icon="userPlus" />
      <h2 className="contacts-empty__title">No contacts yet</h2>
      <p className="contacts-empty__text">
        Add the people you work with: clients, suppliers, leads. Everything stays on this computer.
      </p>
      {/* Not named "New contact": that is the toolbar's button, and one name should mean one button. */}
      <Button variant="primary" icon="plus" onClick={onCreate}>
        Add your first contact
      </Button>
    </div>
  );
}
