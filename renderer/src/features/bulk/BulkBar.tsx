import { useState } from 'react';
import type { BulkResult } from '../../../../shared/schemas/bulk';
import { invoke, toCrmError } from '../../api';
import { Button } from '../../components/Button';
import { useToast } from '../../components/Toast';
import { countOf } from '../../lib/format';
import type { Selection } from '../../lib/useSelection';
import { selectedRows, type ListSelectorOf, type Selected } from './bulkChange';
import { BulkDialog, type BulkMode } from './BulkDialog';
import type { BulkTarget } from './bulkTarget';
import { selectAllLabel, selectedLabel } from './selectionWords';
import './BulkBar.css';

interface BulkBarProps<Sort extends string> {
  target: BulkTarget;
  selection: Selection<Sort>;
  /** The list's query as the core names it, for a select-all. */
  listSelector: ListSelectorOf<Sort>;
  /** Something changed (or was undone), or the list was found changed: reload it. */
  onChanged: () => void;
}

/**
 * Over a list while rows are ticked: how many (the number every change then
 * says and acts on), the offer to select all that match, and the changes —
 * a field, a tag on or off, or a delete — each at once, with Undo.
 */
export function BulkBar<Sort extends string>({ target, selection, listSelector, onChanged }: BulkBarProps<Sort>) {
  const showToast = useToast();
  // The rows and count are taken when the dialog opens: what it says is what it asks the core to act on.
  const [asked, setAsked] = useState<{ mode: BulkMode; selected: Selected } | null>(null);
  if (selection.count === 0 && !selection.problem && !asked) return null;

  const ask = (mode: BulkMode) => setAsked({ mode, selected: selectedRows(selection, listSelector) });

  const undo = (result: BulkResult) => {
    const handle = result.undo;
    if (!handle) return;
    const taken =
      handle.type === 'edit'
        ? invoke('bulk.undo', { undoId: handle.undoId })
        : invoke('trash.restore', { trashId: handle.trashId });
    taken.then(
      () => {
        onChanged();
        showToast('Undone');
      },
      (error: unknown) => showToast(toCrmError(error).message, 'problem'),
    );
  };

  const applied = (result: BulkResult, done: BulkMode) => {
    setAsked(null);
    selection.clear();
    onChanged();
    const changed = countOf(result.changed, target.singular, target.plural);
    const kept =
      result.keptOptOuts > 0
        ? `; ${countOf(result.keptOptOuts, 'person who opted out was', 'people who opted out were')} left as they were`
        : '';
    const message =
      (result.changed === 0
        ? 'Nothing needed changing'
        : done === 'delete'
          ? `${changed} moved to the trash`
          : `${changed} updated`) + kept;
    showToast(message, 'done', result.undo ? { label: 'Undo', onAction: () => undo(result) } : undefined);
  };

  return (
    <div className="bulk-bar" role="toolbar" aria-label="Change the selected rows">
      <div className="bulk-bar__summary">
        <p className="bulk-bar__count" aria-live="polite">
          {selectedLabel(selection, target)}
        </p>
        {!selection.all && (selection.more || selection.total > selection.count) && (
          <Button size="small" variant="subtle" icon="check" onClick={selection.tickAll}>
            {selectAllLabel(selection, target)}
          </Button>
        )}
      </div>
      {selection.problem && (
        <p className="bulk-bar__problem" role="alert">
          {selection.problem}
        </p>
      )}
      {selection.count > 0 && (
        <>
          <Button size="small" icon="edit" onClick={() => ask('set')}>
            Change field…
          </Button>
          <Button size="small" icon="tag" onClick={() => ask('addTag')}>
            Add tag…
          </Button>
          <Button size="small" onClick={() => ask('removeTag')}>
            Remove tag…
          </Button>
          <Button size="small" variant="danger" icon="trash" onClick={() => ask('delete')}>
            Delete…
          </Button>
        </>
      )}
      <Button size="small" variant="subtle" icon="close" onClick={selection.clear}>
        Clear
      </Button>
      {asked && (
        <BulkDialog
          target={target}
          selected={asked.selected}
          mode={asked.mode}
          onApplied={applied}
          onListChanged={onChanged}
          onCancel={() => setAsked(null)}
        />
      )}
    </div>
  );
}
