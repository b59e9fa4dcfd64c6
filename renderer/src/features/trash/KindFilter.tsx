import type { RecordKind } from '../../../../shared/schemas/record';
import { recordKindLook } from '../palette';

const kinds: readonly RecordKind[] = ['contact', 'company', 'deal', 'activity'];

interface KindFilterProps {
  /** undefined: every kind. */
  kind: RecordKind | undefined;
  onChange: (kind: RecordKind | undefined) => void;
}

/** All · Contacts · Companies · Deals · Activities: toggle buttons, the pressed one is what the list shows. */
export function KindFilter({ kind, onChange }: KindFilterProps) {
  const choices = [
    { value: undefined, label: 'All' },
    ...kinds.map((value) => ({ value, label: recordKindLook[value].many })),
  ];
  return (
    <div className="kind-filter" role="group" aria-label="Show">
      {choices.map((choice) => (
        <button
          key={choice.label}
          type="button"
          className="kind-filter__choice"
          aria-pressed={choice.value === kind}
          onClick={() => onChange(choice.value)}
        >
          {choice.label}
        </button>
      ))}
    </div>
  );
}
