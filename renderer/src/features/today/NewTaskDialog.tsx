import { useId, useState, type FormEvent } from 'react';
import { invoke } from '../../api';
import { ErrorBanner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { ActivityFields, freshValues, ownerOf, useActivityForm } from '../activities';
import { useUnsavedWork } from '../../lib/unsavedContext';
import { TaskRecordPicker, type PickedRecord } from './TaskRecordPicker';

const noRecord = 'Choose who or what the task is for: type part of a contact’s, company’s or deal’s name.';

/** Adds a task from the Today screen: what, when it is due, and the record it belongs to (every activity has one). */
export function NewTaskDialog({ onCreated, onCancel }: { onCreated: () => void; onCancel: () => void }) {
  const idPrefix = useId();
  const [fresh] = useState(() => freshValues('task'));
  const form = useActivityForm(idPrefix, () => fresh);
  const [record, setRecord] = useState<PickedRecord | null>(null);
  const dirty = record !== null || JSON.stringify(form.values) !== JSON.stringify(fresh);
  const confirmClose = useUnsavedWork(dirty, 'the new task', add);
  const cancel = () => void confirmClose().then((close) => close && onCancel());
  const [recordError, setRecordError] = useState<string | undefined>(undefined);
  const recordFieldId = `${idPrefix}-record`;

  function recordChosen(): boolean {
    setRecordError(record ? undefined : noRecord);
    return record !== null;
  }

  async function add(): Promise<boolean> {
    const outcome = await form.submit(async (task) => {
      if (!record) return;
      await invoke('activities.create', { kind: 'task', ...task, ...ownerOf(record) });
      onCreated();
    }, recordChosen);
    return outcome === 'saved';
  }

  function save(event: FormEvent) {
    event.preventDefault();
    void add();
  }

  return (
    <Dialog title="New task" onCancel={cancel} size="medium">
      <form noValidate onSubmit={save} className="new-task">
        {form.problem && <ErrorBanner title="Not added">{form.problem}</ErrorBanner>}
        <ActivityFields idPrefix={idPrefix} form={form} />
        <TaskRecordPicker
          id={recordFieldId}
          label="For"
          value={record}
          error={recordError}
          onChange={(picked) => {
            setRecord(picked);
            if (picked) setRecordError(undefined);
          }}
        />
        <div className="dialog__actions">
          <Button onClick={cancel}>Cancel</Button>
          <Button type="submit" variant="primary" icon="task" aria-disabled={form.sending}>
            Add task
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
