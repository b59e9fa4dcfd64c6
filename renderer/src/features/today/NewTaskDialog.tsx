import { useId, useState, type FormEvent } from 'react';
import { invoke, toCrmError } from '../../api';
import { ErrorBanner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { ActivityFields, focusFirstError } from '../activities/ActivityFields';
import { freshValues } from '../activities/activityForm';
import { ownerOf } from '../activities/ownerOf';
import { useActivityForm } from '../activities/useActivityForm';
import { RecordPicker, type PickedRecord } from './RecordPicker';

const noRecord = 'Choose who or what the task is for: type part of a contact’s, company’s or deal’s name.';

/** Adds a task from the Today screen: what, when it is due, and the record it belongs to (every activity has one). */
export function NewTaskDialog({ onCreated, onCancel }: { onCreated(): void; onCancel(): void }) {
  const idPrefix = useId();
  const form = useActivityForm(() => freshValues('task'));
  const [record, setRecord] = useState<PickedRecord | null>(null);
  const [recordError, setRecordError] = useState<string | undefined>(undefined);
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const recordFieldId = `${idPrefix}-record`;

  async function save(event: FormEvent) {
    event.preventDefault();
    if (saving) return;
    setProblem(null);
    const checked = form.check();
    setRecordError(record ? undefined : noRecord);
    if (!checked.ok) {
      focusFirstError(idPrefix, checked.errors);
      return;
    }
    if (!record) {
      document.getElementById(recordFieldId)?.focus();
      return;
    }
    setSaving(true);
    try {
      await invoke('activities.create', { kind: 'task', ...checked.activity, ...ownerOf(record) });
      onCreated();
    } catch (thrown) {
      const error = toCrmError(thrown);
      const other = error.code === 'VALIDATION' ? form.showIssues(error.fields) : [error.message];
      if (other.length > 0) setProblem(other.join(' '));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Dialog title="New task" onCancel={onCancel} size="medium">
      <form noValidate onSubmit={(event) => void save(event)} className="new-task">
        {problem && <ErrorBanner title="Not added">{problem}</ErrorBanner>}
        <ActivityFields idPrefix={idPrefix} form={form} />
        <RecordPicker
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
          <Button onClick={onCancel}>Cancel</Button>
          <Button type="submit" variant="primary" icon="task" aria-disabled={saving}>
            Add task
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
