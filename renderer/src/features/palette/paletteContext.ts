import { createContext, useContext } from 'react';

/** The command palette's one piece of shared state: whether it is open, and the way to open or close it. */
export interface PaletteControl {
  isOpen: boolean;
  open: () => void;
  close: () => void;
}

export const PaletteContext = createContext<PaletteControl | null>(null);

export function usePalette(): PaletteControl {
  const palette = useContext(PaletteContext);
  if (!palette) throw new Error('usePalette needs a PaletteProvider above it');
  return palette;
}
