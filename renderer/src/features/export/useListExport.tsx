import { useCallback, useRef, useState, type ReactNode, type RefObject } from 'react';
import type { ListSelector } from '../../../../shared/schemas/bulk';
import type { ExportResult } from '../../../../shared/schemas/export';
import { useToast } from '../../components/Toast';
import type { PagesSnapshot } from '../../lib/pagedRows';
import type { Selection } from '../../lib/useSelection';
import type { BulkTarget, ListSelectorOf } from '../bulk';
import { tickedRows, type TickedRows } from './exportRows';
import { exportedWords } from './exportWords';
import { ListExportDialog } from './ListExportDialog';

export interface ListExport {
  /** The screen's Export… button: focus comes back to it when the dialog closes, however it was opened. */
  buttonRef: RefObject<HTMLButtonElement | null>;
  /** Opens the dialog for the list as shown now (the button, the palette's "Export this list…", File › Export List…). */
  open: () => void;
  /** The dialog while open; the screen renders it. */
  dialog: ReactNode;
}

interface OpenExport {
  list: ListSelector;
  listCount: { total: number | null; more: boolean };
  ticked: TickedRows;
}

/** Export… for one list screen: the dialog over the list exactly as shown, its ticks included. */
export function useListExport<Row, Sort extends string>(
  target: BulkTarget,
  listSelector: ListSelectorOf<Sort>,
  snapshot: PagesSnapshot<Row, Sort>,
  selection: Selection<Sort>,
): ListExport {
  const showToast = useToast();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const [opened, setOpened] = useState<OpenExport | null>(null);

  const open = useCallback(() => {
    const list = listSelector(snapshot.query);
    setOpened(
      (current) =>
        current ?? { list, listCount: { total: snapshot.total, more: snapshot.more }, ticked: tickedRows(selection) },
    );
  }, [listSelector, snapshot, selection]);

  const close = useCallback(() => {
    setOpened(null);
    // After the dialog has put focus back where it was (the palette, say, which is gone by now).
    window.requestAnimationFrame(() => buttonRef.current?.focus());
  }, []);

  const saved = useCallback(
    (result: ExportResult) => {
      close();
      showToast(exportedWords(result.rows, target.singular, target.plural, result.fileName));
    },
    [close, showToast, target],
  );
  const stopped = useCallback(() => {
    close();
    showToast('Export cancelled. No file was saved.');
  }, [close, showToast]);

  const dialog = opened && (
    <ListExportDialog
      target={target}
      list={opened.list}
      listCount={opened.listCount}
      ticked={opened.ticked}
      onSaved={saved}
      onStopped={stopped}
      onClose={close}
    />
  );
  return { buttonRef, open, dialog };
}
