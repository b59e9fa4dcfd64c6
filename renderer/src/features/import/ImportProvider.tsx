import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { ImportKind } from '../../../../shared/schemas/import';
import { onEvent } from '../../api';
import { useNavigation } from '../../navigation';
import { ImportContext, type ImportControl } from './importContext';
import { ImportWizard } from './ImportWizard';

/** While a dialog is open it has the user's attention; the app behind it is inert. */
const dialogOpen = () => document.getElementById('root')?.hasAttribute('inert') ?? false;

interface OpenWizard {
  kind: ImportKind | null;
  /** A fresh wizard each time it opens. */
  session: number;
}

/**
 * Owns the import wizard: opened by a list's Import… button (for its kind),
 * File › Import… and the palette (asking which kind); one at a time.
 */
export function ImportProvider({ children }: { children: ReactNode }) {
  const { go } = useNavigation();
  const [wizard, setWizard] = useState<OpenWizard | null>(null);

  const open = useCallback((kind?: ImportKind) => {
    setWizard((current) => current ?? { kind: kind ?? null, session: Date.now() });
  }, []);

  useEffect(
    () =>
      onEvent('menu.command', ({ command }) => {
        if (command === 'import' && !dialogOpen()) open();
      }),
    [open],
  );

  const showImported = useCallback(
    (kind: ImportKind, tagName: string) => void go(kind === 'contact' ? 'contacts' : 'companies', { type: 'tagged', tagName }),
    [go],
  );

  const value = useMemo<ImportControl>(() => ({ open }), [open]);
  return (
    <ImportContext.Provider value={value}>
      {children}
      {wizard && <ImportWizard key={wizard.session} initialKind={wizard.kind} onClose={() => setWizard(null)} onShowImported={showImported} />}
    </ImportContext.Provider>
  );
}
