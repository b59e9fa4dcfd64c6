import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { useNavigation } from '../../navigation';
import { useImport } from '../import';

/** The dashboard before there is anything to chart: what to add first. */
export function FirstRun() {
  const { go } = useNavigation();
  const importer = useImport();
  return (
    <EmptyState
      className="dashboard-first-run"
      icon="dashboard"
      title="Your dashboard fills in as you work"
      text="Start with the people you work with: add a contact, or import them from a spreadsheet or your address book. Add deals to see your pipeline and forecast here."
      action={
        <div className="dashboard-first-run__actions">
          <Button variant="primary" icon="userPlus" onClick={() => void go('contacts', { type: 'new' })}>
            Add a contact
          </Button>
          <Button icon="upload" onClick={() => importer.open('contact')}>
            Import contacts…
          </Button>
          <Button icon="deals" onClick={() => void go('deals', { type: 'new' })}>
            Add a deal
          </Button>
        </div>
      }
    />
  );
}
