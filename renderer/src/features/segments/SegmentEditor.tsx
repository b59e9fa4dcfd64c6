import { useState } from 'react';
import { segmentLimits, type Segment, type SegmentDefinition } from '../../../../shared/schemas/segment';
import { ErrorBanner, WarningBanner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Field } from '../../components/Field';
import { useToast } from '../../components/Toast';
import { invoke, toCrmError } from '../../api';
import { useUnsavedWork } from '../../lib/unsavedContext';
import { useSubmitOnce } from '../../lib/useSubmitOnce';
import { useNavigation } from '../../navigation';
import type { ConditionTargets } from './ConditionRow';
import { GroupEditor } from './GroupEditor';
import { SegmentMembers } from './SegmentMembers';
import { useLiveSegment } from './useLiveSegment';

interface SegmentEditorProps {
  /** The saved segment, or null for a new one. */
  saved: Segment | null;
  initial: { name: string; definition: SegmentDefinition };
  targets: ConditionTargets;
  onSaved: (segment: Segment) => void;
  onDeleted: () => void;
}

/** Name, groups of conditions, the live count and the matching people; Save, Delete, Show in Contacts. */
export function SegmentEditor({ saved, initial, targets, onSaved, onDeleted }: SegmentEditorProps) {
  const [name, setName] = useState(initial.name);
  const [definition, setDefinition] = useState(initial.definition);
  const [nameError, setNameError] = useState<string | undefined>();
  const [saveError, setSaveError] = useState<string | null>(null);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const submit = useSubmitOnce();
  const showToast = useToast();
  const { go } = useNavigation();
  const live = useLiveSegment(definition);
  const dirty = name !== initial.name || JSON.stringify(definition) !== JSON.stringify(initial.definition);

  /** True once saved; false when it could not be (the reason shows beside the name or above the buttons). */
  const save = async (): Promise<boolean> => {
    if (!submit.begin()) return false;
    setSaveError(null);
    try {
      const segment = await (saved
        ? invoke('segments.update', { id: saved.id, name, definition })
        : invoke('segments.create', { name, definition }));
      showToast(saved ? 'Segment saved' : 'Segment added');
      onSaved(segment);
      return true;
    } catch (error) {
      const crmError = toCrmError(error);
      const onName = crmError.fields.find((field) => field.field === 'name');
      setNameError(onName?.message);
      if (!onName) setSaveError(crmError.fields[0]?.message ?? crmError.message);
      return false;
    } finally {
      submit.end();
    }
  };
  // Another segment, another screen, closing the window: each asks first while this one holds changes.
  useUnsavedWork(dirty, saved ? `the segment “${saved.name}”` : 'the new segment', save);

  const remove = () => {
    if (!saved || !submit.begin()) return;
    invoke('segments.delete', { id: saved.id })
      .then(
        () => {
          setConfirmingDelete(false);
          showToast('Segment deleted');
          onDeleted();
        },
        (error: unknown) => {
          setConfirmingDelete(false);
          setSaveError(toCrmError(error).message);
        },
      )
      .finally(submit.end);
  };

  const countWords =
    live.count === null
      ? live.loading
        ? 'Counting…'
        : 'Not counted'
      : `${live.count.toLocaleString()} ${live.count === 1 ? 'person matches' : 'people match'}`;

  return (
    <section className="segment-editor" aria-label={saved ? `Segment ${saved.name}` : 'New segment'}>
      <form
        className="segment-editor__form"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <Field
          id="segment-name"
          label="Segment name"
          value={name}
          limit={segmentLimits.name}
          error={nameError}
          onChange={(event) => setName(event.target.value)}
          placeholder="Customers not contacted lately"
        />
        {live.problems.length > 0 && (
          <WarningBanner title="This segment needs fixing before it can be counted">
            {live.problems.map((problem) => problem.message).join(' ')}
          </WarningBanner>
        )}
        <GroupEditor group={definition} depth={1} name="Group 1" targets={targets} onChange={setDefinition} />
        {saveError && <ErrorBanner>{saveError}</ErrorBanner>}
        <div className="segment-editor__actions">
          <Button type="submit" variant="primary" disabled={submit.running || (saved !== null && !dirty)}>
            {saved ? 'Save changes' : 'Save segment'}
          </Button>
          {saved && (
            <Button
              icon="contacts"
              disabled={submit.running}
              onClick={() => void go('contacts', { type: 'segment', segmentId: saved.id })}
              title={dirty ? 'Shows the segment as last saved' : undefined}
            >
              Show in Contacts
            </Button>
          )}
          {saved && (
            <Button variant="danger" icon="trash" disabled={submit.running} onClick={() => setConfirmingDelete(true)}>
              Delete…
            </Button>
          )}
        </div>
      </form>
      <div className="segment-editor__result">
        <p className="segment-editor__count" aria-live="polite">
          <strong>{countWords}</strong>
          {live.unfinished && <span className="segment-editor__unfinished"> — {live.unfinished}</span>}
        </p>
        <SegmentMembers live={live} onOpen={(id) => void go('contacts', { type: 'open', id })} />
      </div>
      {confirmingDelete && saved && (
        <ConfirmDialog
          title={`Delete “${saved.name}”?`}
          message="The segment goes; the people in it stay. Campaigns made from it keep their members."
          confirmLabel="Delete segment"
          busy={submit.running}
          onConfirm={remove}
          onCancel={() => setConfirmingDelete(false)}
        />
      )}
    </section>
  );
}
