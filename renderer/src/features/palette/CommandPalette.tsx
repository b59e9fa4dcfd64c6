import { usePalette } from './paletteContext';
import { PaletteDialog } from './PaletteDialog';

/** The command palette (Ctrl/⌘+K): search everything and run actions. Opened by its PaletteProvider (the shortcut) or a PaletteButton. */
export function CommandPalette() {
  const palette = usePalette();
  return palette.isOpen ? <PaletteDialog onClose={palette.close} /> : null;
}
