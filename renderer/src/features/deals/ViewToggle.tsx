import { Icon } from '../../components/Icon';

export type DealView = 'board' | 'list';

const views: ReadonlyArray<{ view: DealView; label: string }> = [
  { view: 'board', label: 'Board' },
  { view: 'list', label: 'List' },
];

/** Board or list: two pressed-or-not buttons side by side. */
export function ViewToggle({ view, onChange }: { view: DealView; onChange(view: DealView): void }) {
  return (
    <div className="view-toggle" role="group" aria-label="View">
      {views.map((option) => (
        <button
          key={option.view}
          type="button"
          className={option.view === view ? 'view-toggle__option view-toggle__option--on' : 'view-toggle__option'}
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
