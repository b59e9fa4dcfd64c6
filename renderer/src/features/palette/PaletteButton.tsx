import { Icon } from '../../components/Icon';
import { usePalette } from './paletteContext';
import { paletteShortcutAria, paletteShortcutLabel } from './shortcut';
import './PaletteButton.css';

/** "Search everything…  Ctrl+K": opens the command palette. Needs a PaletteProvider above it. */
export function PaletteButton() {
  const palette = usePalette();
  return (
    <button type="button" className="palette-button" onClick={palette.open} aria-keyshortcuts={paletteShortcutAria}>
      <Icon name="search" size={15} className="palette-button__icon" />
      <span className="palette-button__label">Search everything…</span>
      <kbd className="palette-button__keys">{paletteShortcutLabel}</kbd>
    </button>
  );
}
