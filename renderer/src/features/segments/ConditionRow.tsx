import type { ReactNode } from 'react';
import type { CustomField } from '../../../../shared/schemas/custom-field';
import type { Stage } from '../../../../shared/schemas/deal';
import {
  companyFieldLabels,
  companyFields,
  customFieldOps,
  lifecycleLabels,
  lifecycleMeanings,
  lifecycles,
  type SegmentCondition,
  type SegmentConditionKind,
} from '../../../../shared/schemas/segment';
import type { Tag } from '../../../../shared/schemas/tag';
import { IconButton } from '../../components/Button';
import { Select } from '../../components/Select';
import {
  conditionKindLabels,
  consentOptions,
  customOpLabels,
  newCondition,
  newFieldCondition,
  toggled,
} from './conditions';

/** What the conditions can name: loaded once for the editor. */
export interface ConditionTargets {
  tags: readonly Tag[];
  /** Contact fields, then company fields. */
  fields: readonly CustomField[];
  stages: readonly Stage[];
  /** The lead-source list's names, in its order. */
  leadSources: readonly string[];
}

interface ConditionRowProps {
  condition: SegmentCondition;
  /** "Condition 2 of group 1", for the row's controls. */
  name: string;
  targets: ConditionTargets;
  onChange: (condition: SegmentCondition) => void;
  onRemove: () => void;
}

const kindOptions = Object.entries(conditionKindLabels).map(([value, label]) => ({ value, label }));

/** One condition as a row: what it tests, how, and the value; every control labelled. */
export function ConditionRow({ condition, name, targets, onChange, onRemove }: ConditionRowProps) {
  return (
    <fieldset className="segment-condition">
      <legend className="visually-hidden">{name}</legend>
      <Select
        aria-label={`${name}: what to test`}
        className="segment-condition__kind"
        value={condition.kind}
        // Without custom fields there is nothing to test by one.
        options={kindOptions.filter(
          (option) => option.value !== 'customField' || targets.fields.length > 0 || condition.kind === 'customField',
        )}
        onChange={(event) => onChange(newCondition(event.target.value as SegmentConditionKind, targets.fields))}
      />
      <ConditionControls condition={condition} name={name} targets={targets} onChange={onChange} />
      <IconButton
        icon="close"
        label={`Remove ${name.toLowerCase()}`}
        className="segment-condition__remove"
        onClick={onRemove}
      />
    </fieldset>
  );
}

function Choices({ label, children }: { label: string; children: ReactNode }) {
  return (
    <span className="segment-choices" role="group" aria-label={label}>
      {children}
    </span>
  );
}

function Choice({
  checked,
  label,
  title,
  onToggle,
}: {
  checked: boolean;
  label: string;
  title?: string;
  onToggle: () => void;
}) {
  return (
    <label className={checked ? 'segment-choice segment-choice--on' : 'segment-choice'} title={title}>
      <input type="checkbox" checked={checked} onChange={onToggle} />
      {label}
    </label>
  );
}

function DaysInput({ name, days, onChange }: { name: string; days: number; onChange: (days: number) => void }) {
  return (
    <span className="segment-condition__days">
      <input
        type="number"
        className="field__control segment-condition__number"
        aria-label={`${name}: number of days`}
        min={1}
        max={3650}
        value={Number.isFinite(days) ? days : ''}
        onChange={(event) => onChange(event.target.valueAsNumber)}
      />
      days
    </span>
  );
}

function TextInput({
  name,
  label,
  value,
  onChange,
  type = 'text',
}: {
  name: string;
  label: string;
  value: string;
  type?: 'text' | 'date';
  onChange: (value: string) => void;
}) {
  return (
    <input
      type={type}
      className="field__control segment-condition__text"
      aria-label={`${name}: ${label}`}
      placeholder={type === 'text' ? label : undefined}
      value={value}
      maxLength={200}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}

function ConditionControls({ condition, name, targets, onChange }: Omit<ConditionRowProps, 'onRemove'>) {
  switch (condition.kind) {
    case 'tags':
      return (
        <>
          <Select
            aria-label={`${name}: how`}
            value={condition.op}
            options={[
              { value: 'any', label: 'has any of' },
              { value: 'all', label: 'has all of' },
              { value: 'none', label: 'has none of' },
            ]}
            onChange={(event) => onChange({ ...condition, op: event.target.value as typeof condition.op })}
          />
          <Choices label={`${name}: tags`}>
            {targets.tags.length === 0 && <span className="segment-condition__note">No tags yet.</span>}
            {targets.tags.map((tag) => (
              <Choice
                key={tag.id}
                label={tag.name}
                checked={condition.tagIds.includes(tag.id)}
                onToggle={() => onChange({ ...condition, tagIds: toggled(condition.tagIds, tag.id) })}
              />
            ))}
          </Choices>
        </>
      );
    case 'consent':
      return (
        <>
          <span className="segment-condition__word">is one of</span>
          <Choices label={`${name}: consent`}>
            {consentOptions.map(([status, label]) => (
              <Choice
                key={status}
                label={label}
                checked={condition.values.includes(status)}
                onToggle={() => onChange({ ...condition, values: toggled(condition.values, status) })}
              />
            ))}
          </Choices>
        </>
      );
    case 'leadSource':
      return (
        <>
          <Select
            aria-label={`${name}: how`}
            value={condition.op}
            options={[
              { value: 'isOneOf', label: 'is one of' },
              { value: 'isEmpty', label: 'is empty' },
            ]}
            onChange={(event) =>
              onChange(
                event.target.value === 'isEmpty'
                  ? { kind: 'leadSource', op: 'isEmpty' }
                  : { kind: 'leadSource', op: 'isOneOf', values: [] },
              )
            }
          />
          {condition.op === 'isOneOf' && (
            <Choices label={`${name}: lead sources`}>
              {targets.leadSources.length === 0 && (
                <span className="segment-condition__note">No lead sources yet (Settings › Lead sources).</span>
              )}
              {/* A source no longer on the list stays shown while the condition names it, so it can be unticked. */}
              {[...new Set([...targets.leadSources, ...condition.values])].map((source) => (
                <Choice
                  key={source}
                  label={source}
                  checked={condition.values.includes(source)}
                  onToggle={() => onChange({ ...condition, values: toggled(condition.values, source) })}
                />
              ))}
            </Choices>
          )}
        </>
      );
    case 'lifecycle':
      return (
        <>
          <span className="segment-condition__word">is</span>
          <Choices label={`${name}: lifecycle`}>
            {lifecycles.map((stage) => (
              <Choice
                key={stage}
                label={lifecycleLabels[stage]}
                title={`${lifecycleLabels[stage]}: ${lifecycleMeanings[stage]} (deals of the person or their company)`}
                checked={condition.values.includes(stage)}
                onToggle={() => onChange({ ...condition, values: toggled(condition.values, stage) })}
              />
            ))}
          </Choices>
        </>
      );
    case 'lastActivity':
      return (
        <>
          <Select
            aria-label={`${name}: how`}
            value={condition.op}
            options={[
              { value: 'noneInLast', label: 'none in the last' },
              { value: 'withinLast', label: 'at least one in the last' },
            ]}
            onChange={(event) => onChange({ ...condition, op: event.target.value as typeof condition.op })}
          />
          <DaysInput name={name} days={condition.days} onChange={(days) => onChange({ ...condition, days })} />
        </>
      );
    case 'dealStage': {
      const open = targets.stages.filter((stage) => stage.kind === 'open');
      return (
        <>
          <span className="segment-condition__word">has an open deal in</span>
          <Choices label={`${name}: stages`}>
            {open.map((stage) => (
              <Choice
                key={stage.id}
                label={stage.name}
                checked={condition.stageIds.includes(stage.id)}
                onToggle={() => onChange({ ...condition, stageIds: toggled(condition.stageIds, stage.id) })}
              />
            ))}
          </Choices>
        </>
      );
    }
    case 'companyField':
      return (
        <>
          <Select
            aria-label={`${name}: company field`}
            value={condition.field}
            options={companyFields.map((field) => ({ value: field, label: companyFieldLabels[field] }))}
            onChange={(event) => onChange({ ...condition, field: event.target.value as typeof condition.field })}
          />
          <Select
            aria-label={`${name}: how`}
            value={condition.op}
            options={[
              { value: 'contains', label: 'contains' },
              { value: 'is', label: 'is' },
              { value: 'isEmpty', label: 'is empty' },
            ]}
            onChange={(event) => onChange({ ...condition, op: event.target.value as typeof condition.op })}
          />
          {condition.op !== 'isEmpty' && (
            <TextInput
              name={name}
              label="value"
              value={condition.value ?? ''}
              onChange={(value) => onChange({ ...condition, value })}
            />
          )}
        </>
      );
    case 'customField':
      return <CustomFieldControls condition={condition} name={name} targets={targets} onChange={onChange} />;
    case 'created':
      return (
        <>
          <Select
            aria-label={`${name}: how`}
            value={condition.op}
            options={[
              { value: 'inLastDays', label: 'in the last' },
              { value: 'before', label: 'before' },
              { value: 'after', label: 'after' },
            ]}
            onChange={(event) =>
              onChange(
                event.target.value === 'inLastDays'
                  ? { kind: 'created', op: 'inLastDays', days: 30 }
                  : { kind: 'created', op: event.target.value as 'before' | 'after', date: '' },
              )
            }
          />
          {condition.op === 'inLastDays' ? (
            <DaysInput name={name} days={condition.days} onChange={(days) => onChange({ ...condition, days })} />
          ) : (
            <TextInput
              type="date"
              name={name}
              label="date"
              value={condition.date}
              onChange={(date) => onChange({ ...condition, date })}
            />
          )}
        </>
      );
  }
}

function CustomFieldControls({
  condition,
  name,
  targets,
  onChange,
}: { condition: Extract<SegmentCondition, { kind: 'customField' }> } & Omit<
  ConditionRowProps,
  'condition' | 'onRemove'
>) {
  const field = targets.fields.find((candidate) => candidate.id === condition.fieldId);
  const fieldOptions = targets.fields.map((candidate) => ({
    value: String(candidate.id),
    label: `${candidate.kind === 'company' ? 'Company › ' : ''}${candidate.label}`,
  }));
  if (!field) fieldOptions.unshift({ value: String(condition.fieldId), label: 'A field that was deleted' });
  const ops: readonly string[] = field ? customFieldOps[field.type] : [condition.op];
  return (
    <>
      <Select
        aria-label={`${name}: field`}
        value={String(condition.fieldId)}
        options={fieldOptions}
        onChange={(event) => {
          const chosen = targets.fields.find((candidate) => candidate.id === Number(event.target.value));
          if (chosen) onChange(newFieldCondition(chosen));
        }}
      />
      <Select
        aria-label={`${name}: how`}
        value={condition.op}
        options={ops.map((op) => ({ value: op, label: customOpLabels[op as keyof typeof customOpLabels] }))}
        onChange={(event) => {
          const op = event.target.value as typeof condition.op;
          onChange(
            op === 'inLastDays'
              ? { ...base(condition), op, days: 30 }
              : op === 'isOneOf'
                ? { ...base(condition), op, values: [] }
                : { ...base(condition), op },
          );
        }}
      />
      {field && <CustomValue condition={condition} field={field} name={name} onChange={onChange} />}
    </>
  );
}

const base = (condition: Extract<SegmentCondition, { kind: 'customField' }>) => ({
  kind: condition.kind,
  fieldId: condition.fieldId,
});

function CustomValue({
  condition,
  field,
  name,
  onChange,
}: {
  condition: Extract<SegmentCondition, { kind: 'customField' }>;
  field: CustomField;
  name: string;
  onChange: (condition: SegmentCondition) => void;
}) {
  switch (condition.op) {
    case 'isEmpty':
      return null;
    case 'inLastDays':
      return (
        <DaysInput name={name} days={condition.days ?? 30} onChange={(days) => onChange({ ...condition, days })} />
      );
    case 'isOneOf':
      return (
        <Choices label={`${name}: choices`}>
          {field.choices.map((choice) => (
            <Choice
              key={choice}
              label={choice}
              checked={(condition.values ?? []).includes(choice)}
              onToggle={() => onChange({ ...condition, values: toggled(condition.values ?? [], choice) })}
            />
          ))}
        </Choices>
      );
    case 'eq':
    case 'lt':
    case 'gt':
      return (
        <input
          type="number"
          className="field__control segment-condition__number"
          aria-label={`${name}: number`}
          value={typeof condition.value === 'number' ? condition.value : ''}
          onChange={(event) => {
            const { valueAsNumber } = event.target;
            // An emptied box leaves no value at all: the condition is unfinished, not "equals 0".
            const emptied = { ...condition };
            delete emptied.value;
            onChange(Number.isFinite(valueAsNumber) ? { ...condition, value: valueAsNumber } : emptied);
          }}
        />
      );
    default:
      return (
        <TextInput
          type={field.type === 'date' ? 'date' : 'text'}
          name={name}
          label={field.type === 'date' ? 'date' : 'value'}
          value={typeof condition.value === 'string' ? condition.value : ''}
          onChange={(value) => onChange({ ...condition, value })}
        />
      );
  }
}
