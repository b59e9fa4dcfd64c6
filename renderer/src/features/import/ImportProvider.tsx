import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { ImportKind } from '../../../../shared/schemas/import';
import { onEvent } from '../../api';
import { useNavigation } from '../../navigation';
import { ImportContext, type ImportControl } from './importContext';
import { ImportWizard } from './ImportWizard';
import { kindWords } from './importWords';
import { ListDropCue } from './ListDropCue';

/** While a dialog is open it has the user's attention; the app behind it is inert. */
const dialogOpen = () => document.getElementById('root')?.hasAttribute('inert') ?? false;

interface OpenWizard {
  kind: ImportKind | null;
  /** A file dropped on a list screen: the wizard starts with it. */
  file?: File;
  /** A fresh wizard each time it opens. */
  session: number;
}

/**
 * Owns the import wizard: opened by a list's Import… button or a file dropped
 * on the list (for its kind), File › Import… and the palette (asking which
 * kind); one at a time.
 */
export function ImportProvider({ children }: { children: ReactNode }) {
  const { go, current } = useNavigation();
  const [wizard, setWizard] = useState<OpenWizard | null>(null);
  // A file is being dragged over the list: it shows that a drop imports it.
  const [dropCue, setDropCue] = useState<ImportKind | null>(null);

  const open = useCallback((kind?: ImportKind) => {
    setWizard((current) => current ?? { kind: kind ?? null, session: Date.now() });
  }, []);
  const shownKind: ImportKind = current === 'companies' ? 'company' : 'contact';

  useEffect(
    () =>
      onEvent('menu.command', ({ command }) => {
        if (command === 'import' && !dialogOpen()) open();
      }),
    [open],
  );

  // A file dropped on the Contacts or Companies screen (not on a record's files, which take it as an attachment) starts an import of that kind.
  useEffect(() => {
    const kind: ImportKind | null = current === 'contacts' ? 'contact' : current === 'companies' ? 'company' : null;
    if (!kind) return;
    const carriesFiles = (event: DragEvent) => Array.from(event.dataTransfer?.types ?? []).includes('Files');
    // dragleave fires on every element the pointer crosses; only one not followed by a dragover means the drag left the list.
    let hideTimer: number | undefined;
    const hide = () => {
      window.clearTimeout(hideTimer);
      setDropCue(null);
    };
    const hideSoon = () => {
      window.clearTimeout(hideTimer);
      hideTimer = window.setTimeout(() => setDropCue(null), 150);
    };
    const onDragOver = (event: DragEvent) => {
      // Over a record's panel the drop attaches the file (its handler took the event), so no import cue there.
      if (!carriesFiles(event) || event.defaultPrevented || dialogOpen()) return hide();
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
      window.clearTimeout(hideTimer);
      setDropCue(kind);
    };
    const onDrop = (event: DragEvent) => {
      hide();
      if (!carriesFiles(event) || event.defaultPrevented || dialogOpen()) return;
      event.preventDefault();
      const file = event.dataTransfer?.files[0];
      if (file) setWizard((open) => open ?? { kind, file, session: Date.now() });
    };
    document.addEventListener('dragover', onDragOver);
    document.addEventListener('dragleave', hideSoon);
    document.addEventListener('drop', onDrop);
    return () => {
      document.removeEventListener('dragover', onDragOver);
      document.removeEventListener('dragleave', hideSoon);
      document.removeEventListener('drop', onDrop);
      hide();
    };
  }, [current]);

  const showImported = useCallback(
    (kind: ImportKind, tagName: string) =>
      void go(kind === 'contact' ? 'contacts' : 'companies', { type: 'tagged', tagName }),
    [go],
  );

  const value = useMemo<ImportControl>(() => ({ open }), [open]);
  return (
    <ImportContext.Provider value={value}>
      {children}
      {dropCue && !wizard && <ListDropCue plural={kindWords[dropCue].plural} />}
      {wizard && (
        <ImportWizard
          key={wizard.session}
          initialKind={wizard.kind}
          suggestedKind={shownKind}
          initialFile={wizard.file}
          onClose={() => setWizard(null)}
          onShowImported={showImported}
        />
      )}
    </ImportContext.Provider>
  );
}
