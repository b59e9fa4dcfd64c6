import { useEffect, useId, useState, type FormEvent } from 'react';
import type { Activity } from '../../../../shared/schemas/activity';
import { invoke, toCrmError } from '../../api';
import { ErrorBanner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { ActivityFields } from './ActivityFields';
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
  const form = useActivityForm(idPrefix, () => valuesOfActivity(activity));

  function save(event: FormEvent) {
    event.preventDefault();
    // The dialog is rendered in a portal, but React still bubbles submit to a form around the timeline.
    event.stopPropagation();
    void form.submit(async ({ subject, body, occurredAt, dueAt }) => {
      // The inputs hold whole minutes: an untouched time is left as it was, to the second.
      const initial = valuesOfActivity(activity);
      const moved = form.values.day !== initial.day || form.values.time !== initial.time;
      const when = !moved ? {} : activity.kind === 'task' ? { dueAt } : occurredAt ? { occurredAt } : {};
      onSaved(await invoke('activities.update', { id: activity.id, subject, body, ...when }));
    });
  }

  return (
    <Dialog title={`Edit ${kindWords[activity.kind].name.toLowerCase()}`} onCancel={onCancel} size="medium">
      <form noValidate onSubmit={save} className="activity-edit">
        {form.problem && <ErrorBanner title="Not saved">{form.problem}</ErrorBanner>}
        <ActivityFields idPrefix={idPrefix} form={form} />
        <div className="dialog__actions">
          <Button onClick={onCancel}>Cancel</Button>
          <Button type="submit" variant="primary" aria-disabled={form.sending}>
            Save changes
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
