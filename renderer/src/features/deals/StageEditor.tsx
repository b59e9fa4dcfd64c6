import { useRef, useState, type FormEvent } from 'react';
import { dealLimits, type Stage, type StageKind } from '../../../../shared/schemas/deal';
import { invoke, toCrmError } from '../../api';
import { ErrorBanner } from '../../components/Banner';
import { Button, IconButton } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { countOf } from '../../lib/format';
import { DeleteStageQuestion } from './DeleteStageQuestion';
import { FieldError } from '../../components/FieldError';
import { overLimit } from '../../components/lengthLimit';
import { Select } from '../../components/Select';
import { useSubmitOnce } from '../../lib/useSubmitOnce';
import { useUnsavedWork } from '../../lib/unsavedContext';
import { movedOrder, type MoveDirection } from '../../lib/reorder';
import { useReorderWithFocus } from '../../lib/useReorderWithFocus';
import './StageEditor.css';

interface StageEditorProps {
  stages: readonly Stage[];
  /** Deals per stage, to say what a delete would move. */
  dealCounts: ReadonlyMap<number, number>;
  /** Something changed: the board reloads behind the dialog. */
  onChanged: () => void;
  onClose: () => void;
}

const kindOptions = [
  { value: 'open', label: 'Open' },
  { value: 'won', label: 'Won' },
  { value: 'lost', label: 'Lost' },
];

/**
 * The pipeline's stages: rename (Enter or leaving the field saves), mark as
 * open, won or lost, move up and down, add, delete. Each change is saved at
 * once, so closing the dialog never loses one.
 */
export function StageEditor({ stages, dealCounts, onChanged, onClose }: StageEditorProps) {
  const [list, setList] = useState<readonly Stage[]>(stages);
  const [names, setNames] = useState<ReadonlyMap<number, string>>(
    () => new Map(stages.map((stage) => [stage.id, stage.name])),
  );
  const [errors, setErrors] = useState<ReadonlyMap<number, string>>(new Map());
  const [problem, setProblem] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<Stage | null>(null);
  const [newName, setNewName] = useState('');
  const [newError, setNewError] = useState<string | undefined>();
  const [announcement, setAnnouncement] = useState('');
  const adding = useSubmitOnce();
  const listRef = useRef<HTMLOListElement>(null);
  const reorder = useReorderWithFocus(listRef, list);

  const run = async <T,>(work: () => Promise<T>, onError?: (message: string) => void): Promise<T | undefined> => {
    setProblem(null);
    try {
      const result = await work();
      onChanged();
      return result;
    } catch (thrown) {
      const error = toCrmError(thrown);
      (onError ?? setProblem)(error.fields[0]?.message ?? error.message);
      return undefined;
    }
  };

  const setError = (id: number, message: string | null) =>
    setErrors((current) => {
      const next = new Map(current);
      if (message === null) next.delete(id);
      else next.set(id, message);
      return next;
    });

  /** Saves a stage's typed name; true when it is saved (or was unchanged). */
  const rename = async (stage: Stage): Promise<boolean> => {
    const name = (names.get(stage.id) ?? '').trim();
    if (name === stage.name) {
      setError(stage.id, null);
      return true;
    }
    if (name === '') {
      setError(stage.id, 'Please enter a name.');
      return false;
    }
    const saved = await run(
      () => invoke('stages.update', { id: stage.id, name }),
      (message) => setError(stage.id, message),
    );
    if (!saved) return false;
    setError(stage.id, null);
    setList((current) => current.map((other) => (other.id === saved.id ? saved : other)));
    setAnnouncement(`Renamed to ${saved.name}.`);
    return true;
  };

  const changeKind = async (stage: Stage, kind: StageKind) => {
    const saved = await run(
      () => invoke('stages.update', { id: stage.id, kind }),
      (message) => setError(stage.id, message),
    );
    if (saved) setList((current) => current.map((other) => (other.id === saved.id ? saved : other)));
  };

  const move = async (stage: Stage, direction: MoveDirection) => {
    const before = list;
    const reordered = movedOrder(
      list,
      list.findIndex((other) => other.id === stage.id),
      direction,
    );
    if (!reordered) return;
    // Shown at once, so a second press right after the first moves on from the new order.
    reorder.focusAfterMove(stage.id, direction);
    setList(reordered);
    const saved = await run(() => invoke('stages.reorder', { ids: reordered.map((other) => other.id) }));
    if (!saved) return setList(before);
    setList(saved.stages);
    const position = saved.stages.findIndex((other) => other.id === stage.id) + 1;
    setAnnouncement(`${stage.name} moved to position ${position} of ${saved.stages.length}.`);
  };

  const addStage = async (): Promise<boolean> => {
    const name = newName.trim();
    if (name === '') {
      setNewError('Please enter a name.');
      return false;
    }
    if (!adding.begin()) return false;
    try {
      return await createStage(name);
    } finally {
      adding.end();
    }
  };

  const add = (event: FormEvent) => {
    event.preventDefault();
    void addStage();
  };

  const createStage = async (name: string): Promise<boolean> => {
    const created = await run(() => invoke('stages.create', { name }), setNewError);
    if (!created) return false;
    // New stages go before Won and Lost, where the pipeline's open stages end.
    const firstClosed = list.findIndex((stage) => stage.kind !== 'open');
    const ids = list.map((stage) => stage.id);
    if (firstClosed >= 0) ids.splice(firstClosed, 0, created.id);
    else ids.push(created.id);
    const reordered = await run(() => invoke('stages.reorder', { ids }));
    setList(reordered?.stages ?? [...list, created]);
    setNames((current) => new Map(current).set(created.id, created.name));
    setNewName('');
    setNewError(undefined);
    setAnnouncement(`${created.name} added.`);
    return true;
  };

  // A typed name not yet saved (a rename before leaving its field, a stage not yet added) is unsaved work.
  const pendingRenames = list.filter((stage) => (names.get(stage.id) ?? stage.name).trim() !== stage.name);
  const saveTyped = async (): Promise<boolean> => {
    for (const stage of pendingRenames) if (!(await rename(stage))) return false;
    return newName.trim() === '' || addStage();
  };
  const confirmClose = useUnsavedWork(pendingRenames.length > 0 || newName.trim() !== '', 'the stages', saveTyped);
  const close = () => void confirmClose().then((go) => go && onClose());

  const remove = async (stage: Stage, moveDealsTo: number | undefined) => {
    const removed = await run(() =>
      invoke('stages.delete', moveDealsTo === undefined ? { id: stage.id } : { id: stage.id, moveDealsTo }),
    );
    setDeleting(null);
    if (!removed) return;
    setList((current) => current.filter((other) => other.id !== stage.id));
    setAnnouncement(`${stage.name} deleted.`);
  };

  return (
    <Dialog
      title="Edit stages"
      description="The columns of your pipeline, in order. Changes are saved as you make them."
      onCancel={close}
      size="medium"
    >
      <div className="stage-editor">
        {problem && <ErrorBanner title="Not changed">{problem}</ErrorBanner>}
        <ol ref={listRef} className="stage-editor__list" aria-label="Stages">
          {list.map((stage, index) => {
            const count = dealCounts.get(stage.id) ?? 0;
            const inputId = `stage-name-${stage.id}`;
            const error = overLimit('Name', names.get(stage.id) ?? '', dealLimits.stageName) ?? errors.get(stage.id);
            return (
              <li key={stage.id} className="stage-editor__stage">
                <div className="stage-editor__row">
                  <span className="stage-editor__position" aria-hidden="true">
                    {index + 1}
                  </span>
                  <input
                    id={inputId}
                    className="field__control stage-editor__name"
                    aria-label={`Name of stage ${index + 1}`}
                    aria-invalid={error ? true : undefined}
                    aria-describedby={error ? `${inputId}-error` : undefined}
                    value={names.get(stage.id) ?? stage.name}
                    autoComplete="off"
                    onChange={(event) => setNames((current) => new Map(current).set(stage.id, event.target.value))}
                    onBlur={() => void rename(stage)}
                    onKeyDown={(event) => {
                      if (event.key === 'Enter') {
                        event.preventDefault();
                        void rename(stage);
                      }
                    }}
                  />
                  <Select
                    className="stage-editor__kind"
                    aria-label={`${stage.name}: open, won or lost`}
                    value={stage.kind}
                    options={kindOptions}
                    onChange={(event) => void changeKind(stage, event.target.value as StageKind)}
                  />
                  <span className="stage-editor__count">{countOf(count, 'deal', 'deals')}</span>
                  <IconButton
                    icon="arrowUp"
                    label={`Move ${stage.name} up`}
                    {...reorder.moveButton(stage.id, 'up')}
                    disabled={index === 0}
                    onClick={() => void move(stage, 'up')}
                  />
                  <IconButton
                    icon="arrowDown"
                    label={`Move ${stage.name} down`}
                    {...reorder.moveButton(stage.id, 'down')}
                    disabled={index === list.length - 1}
                    onClick={() => void move(stage, 'down')}
                  />
                  <IconButton
                    icon="trash"
                    label={`Delete ${stage.name}`}
                    className="stage-editor__delete"
                    onClick={() => setDeleting(stage)}
                  />
                </div>
                <FieldError id={`${inputId}-error`} message={error} />
                {deleting?.id === stage.id && (
                  <DeleteStageQuestion
                    stage={stage}
                    dealCount={count}
                    others={list.filter((other) => other.id !== stage.id)}
                    onDelete={(target) => void remove(stage, target)}
                    onKeep={() => setDeleting(null)}
                  />
                )}
              </li>
            );
          })}
        </ol>
        <form className="stage-editor__add" noValidate onSubmit={(event) => void add(event)}>
          <Field
            id="new-stage-name"
            label="New stage"
            placeholder="For example “Demo booked”"
            value={newName}
            error={newError}
            limit={dealLimits.stageName}
            onChange={(event) => setNewName(event.target.value)}
          />
          <Button type="submit" icon="plus">
            Add stage
          </Button>
        </form>
        <p className="visually-hidden" aria-live="polite">
          {announcement}
        </p>
        <div className="dialog__actions">
          <Button variant="primary" onClick={close}>
            Done
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
