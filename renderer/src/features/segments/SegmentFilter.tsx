import { useId } from 'react';
import { Button } from '../../components/Button';
import { FilterPopover } from '../../components/FilterPopover';
import { useSegments } from './useSegments';

interface SegmentFilterProps {
  /** The segment the contacts list is narrowed to, if any. */
  value: number | undefined;
  onChange: (segmentId: number | undefined) => void;
}

/** A contacts toolbar control that narrows the list to the people of one saved segment. */
export function SegmentFilter({ value, onChange }: SegmentFilterProps) {
  return (
    <FilterPopover
      icon="segments"
      label="Segment"
      activeCount={value === undefined ? 0 : 1}
      title="Show the people of a segment"
    >
      {/* Mounted when the panel opens, so the segments and their counts are fresh each time. */}
      <SegmentChoices value={value} onChange={onChange} />
    </FilterPopover>
  );
}

function SegmentChoices({ value, onChange }: SegmentFilterProps) {
  const name = useId();
  const { segments, error } = useSegments();
  if (error) return <p className="filter-choice__note">{error}</p>;
  if (!segments) return <p className="filter-choice__note">Loading segments…</p>;
  const chosen = segments.find((segment) => segment.id === value);
  if (segments.length === 0) return <p className="filter-choice__note">No segments yet. Build one in Segments.</p>;
  return (
    <>
      <ul className="filter-choice__list">
        {segments.map((segment) => (
          <li key={segment.id}>
            <label className="filter-choice__option">
              <input type="radio" name={name} checked={segment.id === value} onChange={() => onChange(segment.id)} />
              <span className="filter-choice__name">{segment.name}</span>
              <span className="filter-choice__count">
                {segment.count === null ? 'needs fixing' : segment.count.toLocaleString()}
              </span>
            </label>
          </li>
        ))}
      </ul>
      {value !== undefined && !chosen && (
        <p className="filter-choice__note">The segment this list was narrowed to was deleted, so it shows nobody.</p>
      )}
      {chosen && chosen.problems.length > 0 && (
        <p className="filter-choice__note">{chosen.problems[0]!.message} Until then this list shows nobody.</p>
      )}
      <Button size="small" disabled={value === undefined} onClick={() => onChange(undefined)}>
        Clear segment
      </Button>
    </>
  );
}
