import { useState } from 'react';
import type { BulkResult } from '../../../../shared/schemas/bulk';
import type { FieldedKind } from '../../../../shared/schemas/record';
import { invoke, toCrmError } from '../../api';
import { Button } from '../../components/Button';
import { useToast } from '../../components/Toast';
import { countOf } from '../../lib/format';
import type { Selection } from '../../lib/useSelection';
import { BulkDialog, type BulkMode } from './BulkDialog';
import './BulkBar.css';

/** The kind of record a list holds, with its words. */
export interface BulkTarget {
  kind: FieldedKind;
  singular: string;
  plural: string;
}

interface BulkBarProps {
  target: BulkTarget;
  selection: Selection;
  /** Something changed (or was undone): reload the list. */
  onChanged(): void;
}

/** Over a list while rows are ticked: change a field, add or remove a tag, or delete them all at once, with Undo. */
export function BulkBar({ target, selection, onChanged }: BulkBarProps) {
  const showToast = useToast();
  const [mode, setMode] = useState<BulkMode | null>(null);
  const ids = [...selection.selected];
  if (ids.length === 0) return null;

  const undo = (result: BulkResult) => {
    const handle = result.undo;
    if (!handle) return;
    const taken = handle.type === 'edit' ? invoke('bulk.undo', { undoId: handle.undoId }) : invoke('trash.restore', { trashId: handle.trashId });
    taken.then(
      () => {
        onChanged();
        showToast('Undone');
      },
      (error: unknown) => showToast(toCrmError(error).message, 'problem'),
    );
  };

  const applied = (result: BulkResult, done: BulkMode) => {
    setMode(null);
    selection.clear();
    onChanged();
    const changed = countOf(result.changed, target.singular, target.plural);
    const message = result.changed === 0 ? 'Nothing needed changing' : done === 'delete' ? `${changed} moved to the trash` : `${changed} updated`;
    showToast(message, 'done', result.undo ? { label: 'Undo', onAction: () => undo(result) } : undefined);
  };

  return (
    <div className="bulk-bar" role="toolbar" aria-label="Change the selected rows">
      <p className="bulk-bar__count" aria-live="polite">
        {countOf(ids.length, target.singular, target.plural)} selected
      </p>
      <Button size="small" icon="edit" onClick={() => setMode('set')}>
        Change field…
      </Button>
      <Button size="small" icon="tag" onClick={() => setMode('addTag')}>
        Add tag…
      </Button>
      <Button size="small" onClick={() => setMode('removeTag')}>
        Remove tag…
      </Button>
      <Button size="small" variant="danger" icon="trash" onClick={() => setMode('delete')}>
        Delete…
      </Button>
      <Button size="small" variant="subtle" icon="close" onClick={selection.clear}>
        Clear
      </Button>
      {mode && <BulkDialog target={target} ids={ids} mode={mode} onApplied={applied} onCancel={() => setMode(null)} />}
    </div>
  );
}
