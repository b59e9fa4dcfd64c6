import { isGroup, segmentLimits, type SegmentCondition, type SegmentGroup } from '../../../../shared/schemas/segment';
import { Button, IconButton } from '../../components/Button';
import { Select } from '../../components/Select';
import { ConditionRow, type ConditionTargets } from './ConditionRow';
import { newCondition } from './conditions';

interface GroupEditorProps {
  group: SegmentGroup;
  /** 1 for the segment's own group. */
  depth: number;
  /** "Group 1.2", for the group's controls. */
  name: string;
  targets: ConditionTargets;
  onChange: (group: SegmentGroup) => void;
  /** Absent for the segment's own group. */
  onRemove?: () => void;
}

/** A group: all or any of its conditions and inner groups, each editable, with ways to add more. */
export function GroupEditor({ group, depth, name, targets, onChange, onRemove }: GroupEditorProps) {
  const replace = (index: number, item: SegmentCondition | SegmentGroup) =>
    onChange({ ...group, conditions: group.conditions.map((old, at) => (at === index ? item : old)) });
  const remove = (index: number) =>
    onChange({ ...group, conditions: group.conditions.filter((_, at) => at !== index) });
  const full = group.conditions.length >= segmentLimits.conditionsPerGroup;
  return (
    <fieldset className={depth === 1 ? 'segment-group segment-group--top' : 'segment-group'}>
      <legend className="segment-group__legend">
        <span>People who match</span>
        <Select
          aria-label={`${name}: match`}
          value={group.match}
          options={[
            { value: 'all', label: 'all' },
            { value: 'any', label: 'any' },
          ]}
          onChange={(event) => onChange({ ...group, match: event.target.value === 'any' ? 'any' : 'all' })}
        />
        <span>of these</span>
        {onRemove && <IconButton icon="trash" label={`Remove ${name.toLowerCase()}`} onClick={onRemove} />}
      </legend>
      {group.conditions.length === 0 && <p className="segment-group__empty">No conditions yet: everyone matches.</p>}
      {group.conditions.map((item, index) =>
        isGroup(item) ? (
          <GroupEditor
            key={index}
            group={item}
            depth={depth + 1}
            name={`${name}.${index + 1}`}
            targets={targets}
            onChange={(changed) => replace(index, changed)}
            onRemove={() => remove(index)}
          />
        ) : (
          <ConditionRow
            key={index}
            condition={item}
            name={`Condition ${index + 1} of ${name.toLowerCase()}`}
            targets={targets}
            onChange={(changed) => replace(index, changed)}
            onRemove={() => remove(index)}
          />
        ),
      )}
      <div className="segment-group__actions">
        <Button
          size="small"
          icon="plus"
          disabled={full}
          onClick={() =>
            onChange({ ...group, conditions: [...group.conditions, newCondition('consent', targets.fields)] })
          }
        >
          Add condition
        </Button>
        {depth < segmentLimits.depth && (
          <Button
            size="small"
            icon="plus"
            disabled={full}
            onClick={() =>
              onChange({
                ...group,
                conditions: [
                  ...group.conditions,
                  { match: group.match === 'all' ? 'any' : 'all', conditions: [newCondition('tags', targets.fields)] },
                ],
              })
            }
          >
            Add group
          </Button>
        )}
      </div>
    </fieldset>
  );
}
