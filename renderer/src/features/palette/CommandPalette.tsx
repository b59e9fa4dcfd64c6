import { useContext } from 'react';
import { PaletteContext } from './paletteContext';
import { PaletteDialog } from './PaletteDialog';
import { PaletteProvider } from './PaletteProvider';

function PaletteWhenOpen() {
  const palette = useContext(PaletteContext);
  return palette?.isOpen ? <PaletteDialog onClose={palette.close} /> : null;
}

/**
 * The command palette (Ctrl/⌘+K): search everything and run actions.
 * Uses the PaletteProvider above it when there is one (so a PaletteButton
 * elsewhere in the window opens the same palette); without one it brings its
 * own, and the shortcut still works.
 */
export function CommandPalette() {
  const outer = useContext(PaletteContext);
  return outer ? (
    <PaletteWhenOpen />
  ) : (
    <PaletteProvider>
      <PaletteWhenOpen />
    </PaletteProvider>
  );
}
