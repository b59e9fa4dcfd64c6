import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';

/** First run: nothing to list yet, so say what to do. */
export function NoContactsYet({ onCreate }: { onCreate(): void }) {
  return (
    <EmptyState
      icon="userPlus"
      title="No contacts yet"
      text="Add the people you work with: clients, suppliers, leads. Everything stays on this computer."
      action={
        // Not named "New contact": that is the toolbar's button, and one name should mean one button.
        <Button variant="primary" icon="plus" onClick={onCreate}>
          Add your first contact
        </Button>
      }
    />
  );
}
