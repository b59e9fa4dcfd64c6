import type { FieldedKind } from '../../../../shared/schemas/record';
import { useId } from 'react';
import { Button } from '../../components/Button';
import { FilterPopover } from '../../components/FilterPopover';
import { toggleTag, type TagFilterValue } from './tagFilter';
import { useTags } from './useTags';
import './TagFilter.css';

interface TagFilterProps {
  /** Which records the list shows: each tag's count is for this kind. */
  kind: FieldedKind;
  value: TagFilterValue;
  /** Called with the new filter at each change; null means no tag filter. */
  onChange: (value: TagFilterValue) => void;
}

/** A toolbar control that narrows a list to records with any, or all, of the chosen tags. */
export function TagFilter({ kind, value, onChange }: TagFilterProps) {
  return (
    <FilterPopover icon="tag" label="Tags" activeCount={value?.tagIds.length ?? 0} title="Show records tagged">
      {/* Mounted when the panel opens, so the tags and their counts are fresh each time. */}
      <TagChoices kind={kind} value={value} onChange={onChange} />
    </FilterPopover>
  );
}

function TagChoices({ kind, value, onChange }: TagFilterProps) {
  const modeName = useId();
  const { tags, error } = useTags();
  if (error) return <p className="filter-choice__note">{error}</p>;
  if (!tags) return <p className="filter-choice__note">Loading tags…</p>;
  const chosen = value?.tagIds ?? [];
  // A saved view may still name a tag deleted since: it stays listed, ticked, so it can be taken out.
  const deleted = chosen.filter((id) => !tags.some((tag) => tag.id === id));
  if (tags.length === 0 && deleted.length === 0)
    return <p className="filter-choice__note">No tags yet. Add tags to records, or in Settings › Tags.</p>;
  return (
    <>
      <ul className="filter-choice__list">
        {tags.map((tag) => (
          <li key={tag.id}>
            <label className="filter-choice__option">
              <input
                type="checkbox"
                checked={chosen.includes(tag.id)}
                onChange={() => onChange(toggleTag(value, tag.id))}
              />
              <span className="tag-swatch" data-color={tag.color} />
              <span className="filter-choice__name">{tag.name}</span>
              <span className="filter-choice__count">{tag.counts[kind].toLocaleString()}</span>
            </label>
          </li>
        ))}
        {deleted.map((id) => (
          <li key={id}>
            <label className="filter-choice__option tag-filter__option--deleted">
              <input type="checkbox" checked onChange={() => onChange(toggleTag(value, id))} />
              <span className="filter-choice__name">A tag that was deleted</span>
            </label>
          </li>
        ))}
      </ul>
      <fieldset className="tag-filter__mode" disabled={chosen.length < 2}>
        <legend className="visually-hidden">Records need</legend>
        {(['any', 'all'] as const).map((mode) => (
          <label key={mode} className="tag-filter__mode-option">
            <input
              type="radio"
              name={modeName}
              checked={(value?.mode ?? 'any') === mode}
              onChange={() => value && onChange({ ...value, mode })}
            />
            {mode === 'any' ? 'Any of these' : 'All of these'}
          </label>
        ))}
      </fieldset>
      <Button size="small" disabled={chosen.length === 0} onClick={() => onChange(null)}>
        Clear tags
      </Button>
    </>
  );
}
