import { useId } from 'react';
import { tagColors } from '../../../../shared/schemas/tag';
import './TagColorPicker.css';
import './TagChip.css';

type TagColor = (typeof tagColors)[number];

const colorName = (color: TagColor) => color.charAt(0).toUpperCase() + color.slice(1);

/** The tag colours as a row of swatches: one radio group, arrow keys move between colours. */
export function TagColorPicker({
  value,
  onChange,
  label,
}: {
  value: TagColor;
  onChange: (color: TagColor) => void;
  label: string;
}) {
  const name = useId();
  return (
    <fieldset className="tag-colors">
      <legend className="field__label">{label}</legend>
      <div className="tag-colors__options">
        {tagColors.map((color) => (
          <label key={color} className="tag-colors__option" title={colorName(color)}>
            <input
              type="radio"
              className="tag-colors__input"
              name={name}
              value={color}
              checked={value === color}
              onChange={() => onChange(color)}
              aria-label={colorName(color)}
            />
            <span className="tag-swatch tag-colors__swatch" data-color={color} />
          </label>
        ))}
      </div>
    </fieldset>
  );
}
