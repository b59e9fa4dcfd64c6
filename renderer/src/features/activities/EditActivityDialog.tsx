import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { Activity } from '../../../../shared/schemas/activity';
import { invoke, toCrmError } from '../../api';
import { ErrorBanner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { ConflictReview } from '../../components/panel/ConflictReview';
import { mergeReview, reviewRows, type FieldDescriptions } from '../../components/panel/reviewRows';
import { useUnsavedWork } from '../../lib/unsavedContext';
import { ActivityFields } from './ActivityFields';
import { valuesOfActivity, type ActivityValues } from './activityForm';
import { kindWords } from './activityKinds';
import { useActivityForm } from './useActivityForm';

interface EditActivityDialogProps {
  activityId: number;
  onSaved: (activity: Activity) => void;
  onCancel: () => void;
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
      {problem ? (
        <ErrorBanner title="This activity could not be opened">{problem}</ErrorBanner>
      ) : (
        <p className="dialog__message">Loading…</p>
      )}
      <div className="dialog__actions">
        <Button onClick={onCancel}>Close</Button>
      </div>
    </Dialog>
  );
}

const describeActivity: FieldDescriptions<ActivityValues> = {
  kind: { label: 'Kind', text: (kind) => kindWords[kind].name },
  subject: { label: 'Subject' },
  body: { label: 'Text' },
  day: { label: 'Day' },
  time: { label: 'Time' },
};
const snapshot = (values: ActivityValues) => ({ values, custom: {} });

function EditActivityForm({
  activity: opened,
  onSaved,
  onCancel,
}: { activity: Activity } & Omit<EditActivityDialogProps, 'activityId'>) {
  const idPrefix = useId();
  // The version the form is made from: the one opened, or the one saved meanwhile once reviewed.
  const [activity, setActivity] = useState(opened);
  const form = useActivityForm(idPrefix, () => valuesOfActivity(opened));
  const [newer, setNewer] = useState<Activity | null>(null);
  // Set when the review is saved: the save waits until the form has rendered the reviewed values.
  const saveAfterRender = useRef(false);
  const initial = valuesOfActivity(activity);
  const dirty = JSON.stringify(form.values) !== JSON.stringify(initial);
  const confirmClose = useUnsavedWork(dirty, `this ${kindWords[activity.kind].name.toLowerCase()}`, save);
  const cancel = () => void confirmClose().then((close) => close && onCancel());

  async function save(): Promise<boolean> {
    const outcome = await form.submit(async ({ subject, body, occurredAt, dueAt }) => {
      // The inputs hold whole minutes: an untouched time is left as it was, to the second.
      const moved = form.values.day !== initial.day || form.values.time !== initial.time;
      const when = !moved ? {} : activity.kind === 'task' ? { dueAt } : occurredAt ? { occurredAt } : {};
      onSaved(
        await invoke('activities.update', { id: activity.id, version: activity.version, subject, body, ...when }),
      );
    });
    if (outcome !== 'conflict') return outcome === 'saved';
    setNewer(await invoke('activities.get', { id: activity.id }));
    return false;
  }

  const rows = newer
    ? reviewRows(describeActivity, [], snapshot(initial), snapshot(form.values), snapshot(valuesOfActivity(newer)))
    : [];

  // The reviewed values are in the form once it has rendered them; the save reads them from there.
  useEffect(() => {
    if (!saveAfterRender.current) return;
    saveAfterRender.current = false;
    void save();
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    // The dialog is rendered in a portal, but React still bubbles submit to a form around the timeline.
    event.stopPropagation();
    void save();
  }

  return (
    <Dialog title={`Edit ${kindWords[activity.kind].name.toLowerCase()}`} onCancel={cancel} size="medium">
      <form noValidate onSubmit={submit} className="activity-edit">
        {form.problem && <ErrorBanner title="Not saved">{form.problem}</ErrorBanner>}
        <ActivityFields idPrefix={idPrefix} form={form} />
        <div className="dialog__actions">
          <Button onClick={cancel}>Cancel</Button>
          <Button type="submit" variant="primary" aria-disabled={form.sending}>
            Save changes
          </Button>
        </div>
      </form>
      {newer && (
        <ConflictReview
          name={activity.subject || kindWords[activity.kind].name}
          noun={kindWords[activity.kind].name.toLowerCase()}
          rows={rows}
          busy={form.sending}
          onSave={(keep) => {
            form.reset(mergeReview(rows, keep, snapshot(form.values), snapshot(valuesOfActivity(newer))).values);
            setActivity(newer);
            setNewer(null);
            saveAfterRender.current = true;
          }}
          onTakeSaved={() => {
            form.reset(valuesOfActivity(newer));
            setActivity(newer);
            setNewer(null);
          }}
          onKeepEditing={() => setNewer(null)}
        />
      )}
    </Dialog>
  );
}
