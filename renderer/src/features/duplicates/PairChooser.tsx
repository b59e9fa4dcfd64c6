import { useId } from 'react';
import type { DuplicateGroup } from '../../../../shared/schemas/duplicates';
import { SelectField } from '../../components/SelectField';

interface PairChooserProps {
  records: DuplicateGroup['records'];
  pair: [number, number];
  onChange: (pair: [number, number]) => void;
}

/** For a group of three or more look-alikes: which two to compare (and merge) now. */
export function PairChooser({ records, pair, onChange }: PairChooserProps) {
  const idPrefix = useId();
  const optionsBesides = (other: number) =>
    records
      .filter((record) => record.id !== other)
      .map((record) => ({ value: String(record.id), label: [record.name, record.email].filter(Boolean).join(' · ') }));
  return (
    <div className="pair-chooser">
      <p className="merge-compare__note">{records.length} records look alike. Merge them two at a time:</p>
      <div className="pair-chooser__selects">
        <SelectField
          id={`${idPrefix}-first`}
          label="Compare"
          value={String(pair[0])}
          options={optionsBesides(pair[1])}
          onChange={(id) => onChange([Number(id), pair[1]])}
        />
        <SelectField
          id={`${idPrefix}-second`}
          label="With"
          value={String(pair[1])}
          options={optionsBesides(pair[0])}
          onChange={(id) => onChange([pair[0], Number(id)])}
        />
      </div>
    </div>
  );
}
