import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';

/** No deals yet, so say what to do. */
export function NoDealsYet({ onCreate }: { onCreate(): void }) {
  return (
    <EmptyState
      icon="deals"
      title="No deals yet"
      text="Add the opportunities you are working on and follow them from the first call to the signed contract."
      action={
        <Button variant="primary" icon="plus" onClick={onCreate}>
          Add your first deal
        </Button>
      }
    />
  );
}
