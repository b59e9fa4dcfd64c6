import { useId, useState, type FormEvent } from 'react';
import type { FieldedKind } from '../../../../shared/schemas/record';
import { viewLimits, type SavedView } from '../../../../shared/schemas/view';
import { invoke, toCrmError } from '../../api';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { useToast } from '../../components/Toast';
import { queryKey, type ListQuery } from '../../lib/pagedRows';
import type { SavedViews } from './useSavedViews';
import { fromViewQuery, toViewQuery } from './viewQuery';
import { useSubmitOnce } from '../../lib/useSubmitOnce';
import './ViewPicker.css';

interface ViewPickerProps<Sort extends string> {
  kind: FieldedKind;
  /** "contacts": the first choice is "All contacts". */
  plural: string;
  /** The list's saved views and the one picked (useSavedViews). */
  saved: SavedViews;
  /** The list as it is now (sort, search, filters). */
  current: ListQuery<Sort>;
  /** The list as it is with nothing chosen. */
  everything: ListQuery<Sort>;
  onApply: (query: ListQuery<Sort>) => void;
}

/** Saved views of a list: pick one, save the list as it is now under a name, update or delete the one picked. */
export function ViewPicker<Sort extends string>({
  kind,
  plural,
  saved,
  current,
  everything,
  onApply,
}: ViewPickerProps<Sort>) {
  const id = useId();
  const showToast = useToast();
  const [naming, setNaming] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const { views, chosen, reload } = saved;

  const chosenQuery = chosen ? fromViewQuery<Sort>(kind, chosen.query) : null;
  const changed = chosenQuery !== null && queryKey(chosenQuery) !== queryKey(current);

  const choose = async (value: string) => {
    const viewId = value === '' ? null : Number(value);
    saved.choose(viewId);
    if (viewId === null) return onApply(everything);
    // Read afresh: a tag, field or stage it filters by may have been deleted since the list was loaded.
    const view = (await reload())?.find((candidate) => candidate.id === viewId);
    if (!view) return;
    const query = fromViewQuery<Sort>(kind, view.query);
    if (query) onApply(query);
    else
      showToast(
        `The view “${view.name}” filters by something this list cannot show. Choose another, or delete it.`,
        'problem',
      );
  };

  const saveChanges = async () => {
    if (!chosen) return;
    try {
      await invoke('views.update', { id: chosen.id, query: toViewQuery(current) });
      await reload();
      showToast(`View “${chosen.name}” saved`);
    } catch (error) {
      showToast(toCrmError(error).message, 'problem');
    }
  };

  const remove = async () => {
    if (!chosen) return;
    setDeleting(false);
    try {
      await invoke('views.delete', { id: chosen.id });
      saved.choose(null);
      await reload();
      onApply(everything);
      showToast(`View “${chosen.name}” deleted`);
    } catch (error) {
      showToast(toCrmError(error).message, 'problem');
    }
  };

  return (
    <div className="view-picker">
      <label className="visually-hidden" htmlFor={`${id}-view`}>
        View
      </label>
      <select
        id={`${id}-view`}
        className="view-picker__select"
        value={chosen ? String(chosen.id) : ''}
        onChange={(event) => void choose(event.target.value)}
      >
        <option value="">All {plural}</option>
        {views.map((view) => (
          <option key={view.id} value={String(view.id)}>
            {view.name}
          </option>
        ))}
      </select>
      {changed && (
        <Button size="small" variant="primary" onClick={() => void saveChanges()}>
          Save changes
        </Button>
      )}
      <Button size="small" icon="bookmark" onClick={() => setNaming(true)}>
        Save view…
      </Button>
      {chosen && (
        <Button size="small" variant="subtle" icon="trash" onClick={() => setDeleting(true)}>
          Delete view
        </Button>
      )}
      {naming && (
        <NameViewDialog
          kind={kind}
          query={current}
          onSaved={(view) => {
            setNaming(false);
            saved.choose(view.id);
            void reload();
            showToast(`View “${view.name}” saved`);
          }}
          onCancel={() => setNaming(false)}
        />
      )}
      {deleting && chosen && (
        <ConfirmDialog
          title={`Delete the view “${chosen.name}”?`}
          message="Only the view goes; every record in it stays as it is."
          confirmLabel="Delete view"
          onConfirm={() => void remove()}
          onCancel={() => setDeleting(false)}
        />
      )}
    </div>
  );
}

function NameViewDialog({
  kind,
  query,
  onSaved,
  onCancel,
}: {
  kind: FieldedKind;
  query: ListQuery;
  onSaved: (view: SavedView) => void;
  onCancel: () => void;
}) {
  const id = useId();
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const submitting = useSubmitOnce();
  const busy = submitting.running;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!submitting.begin()) return;
    try {
      onSaved(await invoke('views.create', { kind, name, query: toViewQuery(query) }));
    } catch (thrown) {
      const error = toCrmError(thrown);
      setProblem(error.fields[0]?.message ?? error.message);
    } finally {
      submitting.end();
    }
  }

  return (
    <Dialog
      title="Save this view"
      description="The search, filters and sort you see now, under a name, to come back to in one click."
      onCancel={onCancel}
    >
      <form className="view-picker__form" onSubmit={(event) => void submit(event)} noValidate>
        <Field
          id={`${id}-name`}
          label="Name"
          value={name}
          error={problem}
          limit={viewLimits.name}
          onChange={(event) => setName(event.target.value)}
        />
        <div className="dialog__actions">
          <Button onClick={onCancel} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" disabled={busy}>
            Save view
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
