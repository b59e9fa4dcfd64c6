import { useEffect, useState } from 'react';
import type { Segment } from '../../../../shared/schemas/segment';
import { ErrorBanner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { Screen } from '../../components/Screen';
import { ScreenHeader } from '../../components/ScreenHeader';
import { invoke, toCrmError } from '../../api';
import { useLeaveGuard } from '../../lib/unsavedContext';
import { useCustomFields } from '../../lib/useCustomFields';
import { useLeadSources } from '../lead-sources';
import { useTags } from '../tags';
import type { ConditionTargets } from './ConditionRow';
import { emptyDefinition } from './conditions';
import { SegmentEditor } from './SegmentEditor';
import { useSegments } from './useSegments';
import type { Stage } from '../../../../shared/schemas/deal';
import './SegmentsScreen.css';

/** What the editor shows: a saved segment (loaded), or a new one. */
type Editing = { kind: 'new'; session: number } | { kind: 'saved'; segment: Segment; session: number } | null;

/** The tags, fields (contacts', then companies') and stages conditions can name. */
function useConditionTargets(): { targets: ConditionTargets | null; error: string | null } {
  const { tags, error: tagsError } = useTags();
  const contactFields = useCustomFields('contact');
  const companyFields = useCustomFields('company');
  const [stages, setStages] = useState<Stage[] | null>(null);
  const [stagesError, setStagesError] = useState<string | null>(null);
  const leadSources = useLeadSources();
  useEffect(() => {
    invoke('stages.list', {}).then(
      (list) => setStages(list.stages),
      (error: unknown) => setStagesError(toCrmError(error).message),
    );
  }, []);
  const error = tagsError ?? contactFields.error ?? companyFields.error ?? stagesError;
  if (!tags || !contactFields.fields || !companyFields.fields || !stages) return { targets: null, error };
  return {
    targets: {
      tags,
      fields: [...contactFields.fields, ...companyFields.fields],
      stages,
      leadSources: leadSources.map((source) => source.name),
    },
    error,
  };
}

/** Tells one opening of the editor from the next (the editor's key). */
const session = () => Date.now();

/** Segments: the saved ones with their counts beside an editor that counts and lists as you build. */
export function SegmentsScreen() {
  const titleId = 'segments-title';
  const segments = useSegments();
  const { targets, error: targetsError } = useConditionTargets();
  const [editing, setEditing] = useState<Editing>(null);
  const [openError, setOpenError] = useState<string | null>(null);

  const confirmLeave = useLeaveGuard();
  const open = async (id: number) => {
    if (!(await confirmLeave())) return;
    setOpenError(null);
    invoke('segments.get', { id }).then(
      (segment) => setEditing({ kind: 'saved', segment, session: session() }),
      (error: unknown) => {
        setOpenError(toCrmError(error).message);
        segments.reload();
      },
    );
  };
  const startNew = async () => {
    if (await confirmLeave()) setEditing({ kind: 'new', session: session() });
  };
  const chosenId = editing?.kind === 'saved' ? editing.segment.id : null;
  const error = segments.error ?? targetsError ?? openError;

  return (
    <Screen className="segments" titleId={titleId}>
      <ScreenHeader titleId={titleId} title="Segments">
        <Button variant="primary" icon="plus" onClick={() => void startNew()}>
          New segment
        </Button>
      </ScreenHeader>
      {error && <ErrorBanner>{error}</ErrorBanner>}
      <div className="segments__body">
        <nav className="segments__list" aria-label="Saved segments">
          {segments.segments?.length === 0 && <p className="segments__none">No segments yet.</p>}
          <ul>
            {segments.segments?.map((segment) => (
              <li key={segment.id}>
                <button
                  type="button"
                  className="segments__item"
                  aria-current={segment.id === chosenId ? 'true' : undefined}
                  onClick={() => void open(segment.id)}
                >
                  <span className="segments__name">{segment.name}</span>
                  <span
                    className={segment.count === null ? 'segments__count segments__count--problem' : 'segments__count'}
                  >
                    {segment.count === null
                      ? 'Needs fixing'
                      : `${segment.count.toLocaleString()} ${segment.count === 1 ? 'person' : 'people'}`}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </nav>
        {editing && targets ? (
          <SegmentEditor
            key={editing.session}
            saved={editing.kind === 'saved' ? editing.segment : null}
            initial={
              editing.kind === 'saved'
                ? { name: editing.segment.name, definition: editing.segment.definition }
                : { name: '', definition: emptyDefinition() }
            }
            targets={targets}
            onSaved={(segment) => {
              segments.reload();
              setEditing({ kind: 'saved', segment, session: session() });
            }}
            onDeleted={() => {
              segments.reload();
              setEditing(null);
            }}
          />
        ) : (
          <EmptyState
            icon="segments"
            title={
              segments.segments?.length
                ? 'Choose a segment, or make a new one'
                : 'Group your contacts by what they have in common'
            }
            text="A segment is a saved filter that stays up to date: “subscribed customers not contacted in 90 days”, say. Campaigns are sent to segments."
            action={
              <Button variant="primary" icon="plus" onClick={() => void startNew()}>
                New segment
              </Button>
            }
          />
        )}
      </div>
    </Screen>
  );
}
