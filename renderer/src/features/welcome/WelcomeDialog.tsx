import { ErrorBanner } from '../../components/Banner';
import { Dialog } from '../../components/Dialog';
import { Icon, type IconName } from '../../components/Icon';
import { useBackups } from '../backups';
import { useImport } from '../import';
import { useAddSampleData } from './useAddSampleData';
import './WelcomeDialog.css';

interface Choice {
  id: 'import' | 'sample' | 'restore' | 'empty';
  icon: IconName;
  label: string;
  explain: string;
}

const choices: readonly Choice[] = [
  {
    id: 'import',
    icon: 'sheet',
    label: 'Import contacts',
    explain: 'From a spreadsheet or an address book: Excel, CSV, Outlook, Google Contacts, vCard.',
  },
  {
    id: 'sample',
    icon: 'eye',
    label: 'Explore with sample data',
    explain: 'Try Rolodesk on example contacts, deals and tasks. One click removes them again.',
  },
  {
    id: 'restore',
    icon: 'restore',
    label: 'Restore a backup',
    explain: 'Bring back your data from a Rolodesk backup file or an automatic backup.',
  },
  {
    id: 'empty',
    icon: 'userPlus',
    label: 'Start empty',
    explain: 'Begin with a clean slate and add your first contact yourself.',
  },
];

/**
 * The first thing a new data folder shows: what Rolodesk is, and four ways
 * to begin. Whatever is chosen, or closing it, it is not shown again.
 */
export function WelcomeDialog({ onDone }: { onDone: () => void }) {
  const openImport = useImport().open;
  const { openRestore } = useBackups();
  const { adding, problem, addSample } = useAddSampleData();

  async function choose(choice: Choice['id']) {
    if (choice === 'sample' && !(await addSample())) return;
    onDone();
    if (choice === 'import') openImport('contact');
    if (choice === 'restore') openRestore();
  }

  return (
    <Dialog
      title="Welcome to Rolodesk"
      description="Rolodesk keeps your contacts, companies, deals and to-dos in one place, on this computer, backed up as you work. How would you like to begin?"
      onCancel={() => !adding && onDone()}
      size="medium"
    >
      <div className="welcome__choices">
        {choices.map((choice) => (
          <button
            key={choice.id}
            type="button"
            className="welcome__choice"
            disabled={adding}
            onClick={() => void choose(choice.id)}
          >
            <Icon name={choice.icon} size={22} className="welcome__icon" />
            <span className="welcome__text">
              <span className="welcome__label">
                {choice.id === 'sample' && adding ? 'Adding sample data…' : choice.label}
              </span>
              <span className="welcome__explain">{choice.explain}</span>
            </span>
          </button>
        ))}
      </div>
      {problem && <ErrorBanner title="The sample data could not be added">{problem}</ErrorBanner>}
      <p className="welcome__later">
        You can import, restore or add sample data later too: from the File menu, or Settings › Sample data.
      </p>
    </Dialog>
  );
}
