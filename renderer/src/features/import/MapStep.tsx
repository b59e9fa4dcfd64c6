import { useId } from 'react';
import type { ColumnTarget, Inspection, Mapping } from '../../../../shared/schemas/import';
import { FieldError } from '../../components/FieldError';
import { Icon } from '../../components/Icon';
import { Select } from '../../components/Select';

interface MapStepProps {
  inspection: Inspection;
  mapping: Mapping;
  /** Column → why it cannot go where it goes (mapped twice). */
  clashes: ReadonlyMap<number, string>;
  onChange: (column: number, target: ColumnTarget) => void;
}

/** Two filled-in values of a column from the sample, so a bare "Column 3" can be recognised. */
function samplesOf(inspection: Inspection, column: number): string[] {
  return inspection.sample
    .map((row) => row.cells[column]?.trim() ?? '')
    .filter((value) => value !== '')
    .slice(0, 2);
}

const groupSuffix = { field: '', custom: ' (custom field)', other: '' } as const;

/** One row per column of the file: its name, two values from it, and where it goes. */
export function MapStep({ inspection, mapping, clashes, onChange }: MapStepProps) {
  const id = useId();
  const options = inspection.targets.map((option) => ({
    value: option.target,
    label: `${option.label}${groupSuffix[option.group]}`,
  }));
  return (
    <div className="import-map">
      {inspection.remembered ? (
        <p className="import-map__note">
          <Icon name="check" size={15} /> Remembered from your last import of this file layout.
        </p>
      ) : inspection.preset === 'Plain list' ? (
        <p className="import-map__note">
          <Icon name="check" size={15} /> The column names say which field each one is, so they are matched for you;
          change any that are wrong.
        </p>
      ) : inspection.preset ? (
        <p className="import-map__note">
          <Icon name="check" size={15} /> Recognised: {inspection.preset}. The columns are matched for you; change any
          that are wrong.
        </p>
      ) : (
        <p className="import-step__lead">
          Choose where each column goes. Columns you do not need can stay “Do not import”.
        </p>
      )}
      <div className="import-map__grid" role="group" aria-label="Where each column goes">
        <span className="import-map__heading" aria-hidden="true">
          Column in the file
        </span>
        <span className="import-map__heading" aria-hidden="true">
          Goes to
        </span>
        {inspection.info.headers.map((header, column) => {
          const selectId = `${id}-column-${column}`;
          const clash = clashes.get(column);
          const samples = samplesOf(inspection, column);
          return (
            <div key={column} className={clash ? 'import-map__row import-map__row--clash' : 'import-map__row'}>
              <div className="import-map__column">
                <label htmlFor={selectId} className="import-map__title">
                  {header}
                </label>
                <span className="import-map__samples">
                  {samples.length > 0 ? samples.join(' · ') : 'empty in the first rows'}
                </span>
              </div>
              <div className="import-map__target">
                <Select
                  id={selectId}
                  value={mapping[column] ?? 'ignore'}
                  options={options}
                  aria-invalid={clash ? true : undefined}
                  aria-describedby={clash ? `${selectId}-error` : undefined}
                  onChange={(event) => onChange(column, event.target.value)}
                />
                <FieldError id={`${selectId}-error`} message={clash} />
              </div>
            </div>
          );
        })}
      </div>
    </div>
  );
}
