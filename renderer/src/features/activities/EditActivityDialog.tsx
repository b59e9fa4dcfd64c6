import { useEffect, useId, useState, type FormEvent } from 'react';
import type { Activity } from '../../../../shared/schemas/activity';
import { invoke, toCrmError } from '../../api';
import { ErrorBanner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { ActivityFields, focusFirstError } from './ActivityFields';
import { valuesOfActivity } from './activityForm';
import { kindWords } from './activityKinds';
import { useActivityForm } from './useActivityForm';

interface EditActivityDialogProps {
  activityId: number;
  onSaved(activity: Activity): void;
  onCancel(): void;
}

/** Edits a logged activity or a task: loads its full text first, since lists hold only the start of it. */
export function EditActivityDialog({ activityId, onSaved, onCancel }: EditActivityDialogProps) {
  const [activity, setActivity] = useState<Activity | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    invoke('activities.get', { id: activityId }).then(
      (loaded) => current && setActivity(loaded),
      (error: unknown) => current && setProblem(toCrmError(error).message),
    );
    return () => {
      current = false;
    };
  }, [activityId]);

  if (activity) return <EditActivityForm activity={activity} onSaved={onSaved} onCancel={onCancel} />;
  return (
    <Dialog title="Edit activity" onCancel={onCancel}>
      {problem ? <ErrorBanner title="This activity could not be opened">{problem}</ErrorBanner> : <p className="dialog__message">Loading…</p>}
      <div className="dialog__actions">
        <Button onClick={onCancel}>Close</Button>
      </div>
    </Dialog>
  );
}

function EditActivityForm({ activity, onSaved, onCancel }: { activity: Activity } & Omit<EditActivityDialogProps, 'activityId'>) {
  const idPrefix = useId();
  const form = useActivityForm(() => valuesOfActivity(activity));
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  async function save(event: FormEvent) {
    event.preventDefault();
    // The dialog is rendered in a portal, but React still bubbles submit to a form around the timeline.
    event.stopPropagation();
    if (saving) return;
    setProblem(null);
    const checked = form.check();
    if (!checked.ok) {
      focusFirstError(idPrefix, checked.errors);
      return;
    }
    setSaving(true);
    try {
      const { dueAt, ...fields } = checked.activity;
      onSaved(await invoke('activities.update', { id: activity.id, ...fields, ...(activity.kind === 'task' ? { dueAt } : {}) }));
    } catch (thrown) {
      const error = toCrmError(thrown);
      const other = error.code === 'VALIDATION' ? form.showIssues(error.fields) : [error.message];
      if (other.length > 0) setProblem(other.join(' '));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Dialog title={`Edit ${kindWords[activity.kind].name.toLowerCase()}`} onCancel={onCancel} size="medium">
      <form noValidate onSubmit={(event) => void save(event)} className="activity-edit">
        {problem && <ErrorBanner title="Not saved">{problem}</ErrorBanner>}
        <ActivityFields idPrefix={idPrefix} form={form} />
        <div className="dialog__actions">
          <Button onClick={onCancel}>Cancel</Button>
          <Button type="submit" variant="primary" aria-disabled={saving}>
            Save changes
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
