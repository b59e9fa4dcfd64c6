import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';

/** First run: no companies yet, so say what to do. */
export function NoCompaniesYet({ onCreate }: { onCreate(): void }) {
  return (
    <EmptyState
      icon="companies"
      title="No companies yet"
      text="Add the organisations you work with, and link their people to them."
      action={
        <Button variant="primary" icon="plus" onClick={onCreate}>
          Add your first company
        </Button>
      }
    />
  );
}
