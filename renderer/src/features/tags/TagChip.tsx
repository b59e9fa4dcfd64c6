import type { Tag } from '../../../../shared/schemas/tag';
import { Icon } from '../../components/Icon';
import './TagChip.css';

interface TagChipProps {
  tag: Pick<Tag, 'name' | 'color'>;
  /** Shows a remove button; its accessible name is "Remove tag <name>". */
  onRemove?: () => void;
  disabled?: boolean;
}

/** A tag as a small coloured pill, optionally with a button to take it off. */
export function TagChip({ tag, onRemove, disabled = false }: TagChipProps) {
  return (
    <span className="tag-chip" data-color={tag.color}>
      <span className="tag-chip__name">{tag.name}</span>
      {onRemove && (
        <button
          type="button"
          className="tag-chip__remove"
          aria-label={`Remove tag ${tag.name}`}
          title={`Remove ${tag.name}`}
          disabled={disabled}
          onClick={onRemove}
        >
          <Icon name="close" size={12} />
        </button>
      )}
    </span>
  );
}
