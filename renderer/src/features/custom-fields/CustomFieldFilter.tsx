import { useId, useState, type FormEvent } from 'react';
import type { CustomFilter } from '../../../../shared/schemas/common';
import type { CustomField } from '../../../../shared/schemas/custom-field';
import type { FieldedKind } from '../../../../shared/schemas/record';
import { Button, IconButton } from '../../components/Button';
import { Icon } from '../../components/Icon';
import { FilterPopover } from '../../components/FilterPopover';
import { customFilterOf, describeFilter, needsValue, opsOfType, type CustomFilterOp } from './customFilter';
import { useCustomFields } from '../../lib/useCustomFields';
import '../../components/Field.css';
import './CustomFieldFilter.css';

interface CustomFieldFilterProps {
  kind: FieldedKind;
  /** The conditions on, exactly as the list request's `custom` takes them. */
  value: CustomFilter[];
  /** Called with the new set of conditions when one is added or removed. */
  onChange: (value: CustomFilter[]) => void;
}

// The list request takes at most this many conditions.
const maxConditions = 10;

/** A toolbar control that narrows a list by its custom fields: "Budget is more than 1000", "Size is Large". */
export function CustomFieldFilter({ kind, value, onChange }: CustomFieldFilterProps) {
  return (
    <FilterPopover icon="sliders" label="Fields" activeCount={value.length} title="Show records where">
      <Conditions kind={kind} value={value} onChange={onChange} />
    </FilterPopover>
  );
}

function Conditions({ kind, value, onChange }: CustomFieldFilterProps) {
  const { fields, error } = useCustomFields(kind);
  if (error) return <p className="custom-filter__note">{error}</p>;
  if (!fields) return <p className="custom-filter__note">Loading fields…</p>;
  const byId = new Map(fields.map((field) => [field.id, field]));
  return (
    <>
      {value.length > 0 && (
        <ul className="custom-filter__active" aria-label="Conditions on">
          {value.map((filter, index) => (
            <li key={`${filter.fieldId}-${filter.op}-${String(filter.value)}`} className="custom-filter__condition">
              <span>{describeFilter(byId.get(filter.fieldId), filter)}</span>
              <IconButton
                icon="close"
                label={`Remove ${describeFilter(byId.get(filter.fieldId), filter)}`}
                onClick={() => onChange(value.filter((_, other) => other !== index))}
              />
            </li>
          ))}
        </ul>
      )}
      {/* Conditions on a field deleted since stay listed above, so they can be removed. */}
      {fields.length === 0 ? (
        <p className="custom-filter__note">No custom fields yet. Add them in Settings › Custom fields.</p>
      ) : value.length < maxConditions ? (
        <NewCondition fields={fields} onAdd={(filter) => onChange([...value, filter])} />
      ) : (
        <p className="custom-filter__note">That is as many conditions as a list takes.</p>
      )}
      {value.length > 0 && (
        <Button size="small" onClick={() => onChange([])}>
          Clear conditions
        </Button>
      )}
    </>
  );
}

function NewCondition({ fields, onAdd }: { fields: CustomField[]; onAdd: (filter: CustomFilter) => void }) {
  const idPrefix = useId();
  const [fieldId, setFieldId] = useState(fields[0]!.id);
  const field = fields.find((candidate) => candidate.id === fieldId) ?? fields[0]!;
  const [op, setOp] = useState<CustomFilterOp>(opsOfType[field.type][0]!.op);
  const [typed, setTyped] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const ops = opsOfType[field.type];
  const currentOp = ops.some((entry) => entry.op === op) ? op : ops[0]!.op;

  function add(event: FormEvent) {
    event.preventDefault();
    // A form inside a record form's toolbar must not submit the page's form.
    event.stopPropagation();
    const built = customFilterOf(field, currentOp, typed);
    if (!built.ok) return setProblem(built.message);
    setProblem(null);
    setTyped('');
    onAdd(built.filter);
  }

  return (
    <form className="custom-filter__new" noValidate onSubmit={add}>
      <label className="visually-hidden" htmlFor={`${idPrefix}-field`}>
        Field
      </label>
      <select
        id={`${idPrefix}-field`}
        className="field__control"
        value={field.id}
        onChange={(event) => {
          setFieldId(Number(event.target.value));
          setTyped('');
          setProblem(null);
        }}
      >
        {fields.map((candidate) => (
          <option key={candidate.id} value={candidate.id}>
            {candidate.label}
          </option>
        ))}
      </select>
      <label className="visually-hidden" htmlFor={`${idPrefix}-op`}>
        Condition
      </label>
      <select
        id={`${idPrefix}-op`}
        className="field__control"
        value={currentOp}
        onChange={(event) => setOp(event.target.value as CustomFilterOp)}
      >
        {ops.map((entry) => (
          <option key={entry.op} value={entry.op}>
            {entry.label}
          </option>
        ))}
      </select>
      {needsValue(currentOp) && (
        <ValueInput
          id={`${idPrefix}-value`}
          field={field}
          typed={typed}
          invalid={problem !== null}
          onChange={setTyped}
        />
      )}
      {problem && (
        <p className="field__error" role="alert">
          <Icon name="alert" size={14} />
          <span>{problem}</span>
        </p>
      )}
      <Button type="submit" size="small" variant="primary" icon="plus">
        Add condition
      </Button>
    </form>
  );
}

function ValueInput({
  id,
  field,
  typed,
  invalid,
  onChange,
}: {
  id: string;
  field: CustomField;
  typed: string;
  invalid: boolean;
  onChange: (value: string) => void;
}) {
  return (
    <>
      <label className="visually-hidden" htmlFor={id}>
        Value
      </label>
      {field.type === 'choice' ? (
        <select
          id={id}
          className="field__control"
          value={typed}
          aria-invalid={invalid || undefined}
          onChange={(event) => onChange(event.target.value)}
        >
          <option value="">Choose…</option>
          {field.choices.map((choice) => (
            <option key={choice} value={choice}>
              {choice}
            </option>
          ))}
        </select>
      ) : (
        <input
          id={id}
          className="field__control"
          type={field.type === 'date' ? 'date' : 'text'}
          inputMode={field.type === 'number' ? 'decimal' : undefined}
          placeholder="Value"
          aria-invalid={invalid || undefined}
          value={typed}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </>
  );
}
