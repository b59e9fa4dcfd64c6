import { useCallback, useRef, useState } from 'react';
import type { ActivitySummary } from '../../../../shared/schemas/activity';
import type { FieldedRef } from '../../../../shared/schemas/record';
import { invoke, toCrmError } from '../../api';
import { Button } from '../../components/Button';
import { useToast } from '../../components/Toast';
import { EditActivityDialog, TextButton, useTaskDone } from '../activities';
import { ActivityComposer } from './ActivityComposer';
import { TimelineItem } from './TimelineItem';
import { useTimeline } from './useTimeline';
import './RecordTimeline.css';

interface RecordTimelineProps {
  record: FieldedRef;
  /** Bumped by the panel after it saves the record, so the field changes just made show. */
  version?: number;
}

/** A record's activity: a composer to log what happened or add a task, then everything that happened to it, newest first. */
export function RecordTimeline({ record, version = 0 }: RecordTimelineProps) {
  const toast = useToast();
  const timeline = useTimeline(record, version);
  const { reload } = timeline;
  const setDone = useTaskDone(useCallback(() => void reload(), [reload]));
  const [editing, setEditing] = useState<number | null>(null);
  const headingId = `timeline-${record.kind}-${record.id}`;
  const headingRef = useRef<HTMLHeadingElement>(null);

  async function moveToTrash(activity: ActivitySummary) {
    try {
      const trashed = await invoke('activities.delete', { id: activity.id });
      // Its buttons go with it; the focus waits at the top of the timeline rather than falling out of the panel.
      headingRef.current?.focus();
      toast('Moved to the trash', 'done', {
        label: 'Undo',
        onAction: () => {
          invoke('trash.restore', { trashId: trashed.trashId }).then(
            () => void reload(),
            (thrown: unknown) => toast(toCrmError(thrown).message, 'problem'),
          );
        },
      });
    } catch (thrown) {
      toast(toCrmError(thrown).message, 'problem');
    }
    void reload();
  }

  const { entries, next } = timeline;
  const noActivity = entries !== null && next === null && !entries.some((entry) => entry.type === 'activity');

  return (
    <section className="record-timeline" aria-labelledby={headingId}>
      <h3 id={headingId} ref={headingRef} tabIndex={-1} className="record-timeline__title">
        Activity
      </h3>
      <ActivityComposer record={record} onLogged={() => void reload()} />
      {/* Quiet, not an alert: the record's own errors (deleted elsewhere, say) are the panel's to announce. */}
      {timeline.error && (
        <p className="record-timeline__problem">
          The timeline could not be loaded. {timeline.error}{' '}
          <TextButton onClick={() => void reload()}>Try again</TextButton>
        </p>
      )}
      {entries === null && !timeline.error && <p className="record-timeline__quiet">Loading…</p>}
      {noActivity && (
        <p className="record-timeline__invite">
          Nothing logged yet. Write the first note above: what you talked about, what was agreed, what comes next.
        </p>
      )}
      {entries && entries.length > 0 && (
        <ol className="record-timeline__stream" aria-label="Timeline">
          {entries.map((entry) => (
            <TimelineItem
              key={`${entry.cursor.source}-${entry.cursor.id}`}
              entry={entry}
              recordKind={record.kind}
              onEdit={(activity) => setEditing(activity.id)}
              onDelete={(activity) => void moveToTrash(activity)}
              onSetDone={(task, done) => setDone(task, done)}
            />
          ))}
        </ol>
      )}
      {next && (
        <Button
          size="small"
          icon="chevronDown"
          onClick={() => void timeline.loadOlder()}
          aria-disabled={timeline.loadingOlder}
        >
          {timeline.loadingOlder ? 'Loading…' : 'Show older'}
        </Button>
      )}
      {editing !== null && (
        <EditActivityDialog
          activityId={editing}
          onCancel={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            toast('Activity updated');
            void reload();
          }}
        />
      )}
    </section>
  );
}
