import { Icon } from '../../components/Icon';
import '../../components/Tabs.css';

export type DealView = 'board' | 'list';

const views: ReadonlyArray<{ view: DealView; label: string }> = [
  { view: 'board', label: 'Board' },
  { view: 'list', label: 'List' },
];

/** Board or list: two pressed-or-not buttons side by side, in the look of the app's tabs. */
export function ViewToggle({ view, onChange }: { view: DealView; onChange: (view: DealView) => void }) {
  return (
    <div className="tabs" role="group" aria-label="View">
      {views.map((option) => (
        <button
          key={option.view}
          type="button"
          className="tabs__tab"
          aria-pressed={option.view === view}
          onClick={() => onChange(option.view)}
        >
          <Icon name={option.view} size={15} />
          {option.label}
        </button>
      ))}
    </div>
  );
}
