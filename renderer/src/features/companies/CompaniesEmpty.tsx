import { Button } from '../../components/Button';
import { IconTile } from '../../components/IconTile';
import '../contacts/ContactsEmpty.css';

/** First run: no companies yet, so say what to do. */
export function NoCompaniesYet({ onCreate }: { onCreate(): void }) {
  return (
    <div className="contacts-empty">
      <IconTile icon="companies" />
      <h2 className="contacts-empty__title">No companies yet</h2>
      <p className="contacts-empty__text">Add the organisations you work with, and link their people to them.</p>
      <Button variant="primary" icon="plus" onClick={onCreate}>
        Add your first company
      </Button>
    </div>
  );
}
