import { useEffect, useId, useState } from 'react';
import type { Campaign } from '../../../../shared/schemas/campaign';
import type { SegmentSummary } from '../../../../shared/schemas/segment';
import { invoke, toCrmError } from '../../api';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { FieldError } from '../../components/FieldError';
import { SelectField } from '../../components/SelectField';
import { countOf } from '../../lib/format';
import { useSubmitOnce } from '../../lib/useSubmitOnce';
import { addedWords } from './addedWords';

const countText = (segment: SegmentSummary) =>
  segment.count === null ? 'needs fixing' : countOf(segment.count, 'person', 'people');

/** Adds everyone a saved segment matches now: a snapshot, so people who match it later are not added by themselves. */
export function AddFromSegmentDialog({
  campaign,
  onCancel,
  onAdded,
}: {
  campaign: Campaign;
  onCancel: () => void;
  onAdded: (message: string) => void;
}) {
  const [segments, setSegments] = useState<SegmentSummary[] | null>(null);
  const [segmentId, setSegmentId] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const submit = useSubmitOnce();
  const errorId = useId();

  useEffect(() => {
    let current = true;
    invoke('segments.list', {}).then(
      ({ segments: found }) => {
        if (!current) return;
        setSegments(found);
        setSegmentId(String(found.find((segment) => segment.count !== null)?.id ?? ''));
      },
      (error: unknown) => current && setProblem(toCrmError(error).message),
    );
    return () => {
      current = false;
    };
  }, []);

  const chosen = segments?.find((segment) => String(segment.id) === segmentId);
  async function add() {
    if (!chosen || !submit.begin()) return;
    try {
      const added = await invoke('campaigns.addFromSegment', { campaignId: campaign.id, segmentId: chosen.id });
      onAdded(`From “${chosen.name}”: ${addedWords({ ...added, notFound: 0 })}`);
    } catch (error) {
      setProblem(toCrmError(error).message);
    } finally {
      submit.end();
    }
  }

  return (
    <Dialog
      title={`Add a segment to “${campaign.name}”`}
      description="Everyone the segment matches now is added. Those who unsubscribed or must not be contacted are left out and counted."
      onCancel={onCancel}
      size="medium"
    >
      {segments?.length === 0 ? (
        <p>There are no saved segments yet. Build one in Segments, then add it here.</p>
      ) : (
        <SelectField
          id="add-segment"
          label="Segment"
          value={segmentId}
          options={(segments ?? []).map((segment) => ({
            value: String(segment.id),
            label: `${segment.name} (${countText(segment)})`,
          }))}
          onChange={(value) => {
            setSegmentId(value);
            setProblem(undefined);
          }}
        />
      )}
      {chosen && chosen.count === null && <p>{chosen.problems.map((one) => one.message).join(' ')}</p>}
      <FieldError id={errorId} message={problem} />
      <div className="dialog__actions">
        <Button onClick={onCancel}>Cancel</Button>
        <Button
          variant="primary"
          icon="segments"
          disabled={!chosen || chosen.count === null || submit.running}
          onClick={() => void add()}
        >
          {chosen && chosen.count !== null ? `Add ${countOf(chosen.count, 'person', 'people')}` : 'Add'}
        </Button>
      </div>
    </Dialog>
  );
}
