import type { SegmentSummary } from '../../../../shared/schemas/segment';
import { invoke } from '../../api';
import { useLoaded } from '../../lib/useLoaded';

export interface SegmentsState {
  /** Every saved segment in name order, with its count now; null until the first load. */
  segments: SegmentSummary[] | null;
  error: string | null;
  reload: () => void;
}

const loadSegments = () => invoke('segments.list', {}).then((list) => list.segments);

/** The saved segments and their counts, asked again on reload. */
export function useSegments(): SegmentsState {
  const { value, error, reload } = useLoaded(loadSegments);
  return { segments: value, error, reload };
}
