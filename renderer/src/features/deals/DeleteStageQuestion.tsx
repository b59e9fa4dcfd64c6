import { useEffect, useId, useRef, useState } from 'react';
import type { Stage } from '../../../../shared/schemas/deal';
import { Button } from '../../components/Button';
import { countOf } from '../../lib/format';
import { Select } from '../../components/Select';
import { useViewsUsing, viewsUsingWords } from '../views';

interface DeleteStageQuestionProps {
  stage: Stage;
  dealCount: number;
  /** The stages that remain, in order: where its deals can go. */
  others: readonly Stage[];
  /** Delete, moving the stage's deals (and any in the trash) to this stage. */
  onDelete: (moveDealsTo: number | undefined) => void;
  onKeep: () => void;
}

/** Asked under the stage before it goes: where its deals should move, in plain words. */
export function DeleteStageQuestion({ stage, dealCount, others, onDelete, onKeep }: DeleteStageQuestionProps) {
  const selectId = useId();
  const keepRef = useRef<HTMLButtonElement>(null);
  // The stage before it is where its deals most likely belong; the first one when it was first.
  const [target, setTarget] = useState(() => {
    const before = others.filter((other) => other.position < stage.position).pop();
    return (before ?? others[0])?.id;
  });

  useEffect(() => keepRef.current?.focus(), []);
  const usage = useViewsUsing({ kind: 'stage', id: stage.id });
  const brokenViews = usage ? viewsUsingWords(usage.views, 'stage') : '';

  return (
    <div className="stage-editor__question" role="group" aria-label={`Delete ${stage.name}`}>
      {dealCount > 0 ? (
        <>
          <p>
            “{stage.name}” holds {countOf(dealCount, 'deal', 'deals')}. Nothing is lost: choose where{' '}
            {dealCount === 1 ? 'it goes' : 'they go'}.
          </p>
          <label className="stage-editor__target" htmlFor={selectId}>
            Move {dealCount === 1 ? 'it' : 'them'} to
            <Select
              id={selectId}
              value={target}
              options={others.map((other) => ({ value: String(other.id), label: other.name }))}
              onChange={(event) => setTarget(Number(event.target.value))}
            />
          </label>
        </>
      ) : (
        <p>Delete the empty stage “{stage.name}”?</p>
      )}
      {brokenViews && <p>{brokenViews}</p>}
      <div className="stage-editor__question-actions">
        <Button ref={keepRef} size="small" onClick={onKeep}>
          Keep it
        </Button>
        <Button size="small" variant="danger" icon="trash" onClick={() => onDelete(target)}>
          {dealCount === 0 ? 'Delete stage' : dealCount === 1 ? 'Move it and delete' : 'Move them and delete'}
        </Button>
      </div>
    </div>
  );
}
