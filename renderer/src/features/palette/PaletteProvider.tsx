import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { PaletteContext, type PaletteControl } from './paletteContext';
import { isPaletteShortcut } from './shortcut';

/**
 * Holds whether the command palette is open and opens it on Ctrl/⌘+K from
 * anywhere in the window. Not while another dialog has the user's attention
 * (the app behind it is inert): the palette never stacks over a question.
 *
 * Wrap it around everything that holds a PaletteButton and the
 * CommandPalette (in MainWindow, around the sidebar and the palette); it
 * needs nothing above it. Without it, CommandPalette brings its own.
 */
export function PaletteProvider({ children }: { children: ReactNode }) {
  const [isOpen, setOpen] = useState(false);

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (!isPaletteShortcut(event)) return;
      event.preventDefault();
      if (document.getElementById('root')?.hasAttribute('inert')) return;
      setOpen(true);
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  const control = useMemo<PaletteControl>(
    () => ({ isOpen, open: () => setOpen(true), close: () => setOpen(false) }),
    [isOpen],
  );
  return <PaletteContext.Provider value={control}>{children}</PaletteContext.Provider>;
}
