import { useEffect, useState, type ReactNode } from 'react';
import { onEvent } from '../../api';
import { AboutDialog } from './AboutDialog';
import { ShortcutsDialog } from './ShortcutsDialog';
import { useCopyDiagnostics } from './useCopyDiagnostics';

type HelpDialog = 'about' | 'shortcuts' | null;

/** The Help menu's commands: About and Keyboard Shortcuts open their dialogs; Copy Diagnostics copies and says so. */
export function HelpProvider({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState<HelpDialog>(null);
  const copyDiagnostics = useCopyDiagnostics();

  useEffect(
    () =>
      onEvent('menu.command', ({ command }) => {
        if (command === 'copy-diagnostics') void copyDiagnostics();
        // Another dialog has the user's attention: a second one must not stack over it.
        if (document.getElementById('root')?.hasAttribute('inert')) return;
        if (command === 'about') setOpen('about');
        else if (command === 'keyboard-shortcuts') setOpen('shortcuts');
      }),
    [copyDiagnostics],
  );

  return (
    <>
      {children}
      {open === 'about' && (
        <AboutDialog onClose={() => setOpen(null)} onCopyDiagnostics={() => void copyDiagnostics()} />
      )}
      {open === 'shortcuts' && <ShortcutsDialog onClose={() => setOpen(null)} />}
    </>
  );
}
