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

/** A search that found nothing. */
export function NoCompanyMatches({ search, onClear }: { search: string; onClear(): void }) {
  return (
    <div className="contacts-empty">
      <IconTile icon="searchOff" muted />
      <h2 className="contacts-empty__title">No companies match “{search}”</h2>
      <p className="contacts-empty__text">Check the spelling, or search for part of a name, an industry or a website.</p>
      <Button onClick={onClear}>Clear search</Button>
    </div>
  );
}
