import { useCallback, useEffect, useState } from 'react';
import type { SegmentSummary } from '../../../../shared/schemas/segment';
import { invoke, toCrmError } from '../../api';

export interface SegmentsState {
  /** Every saved segment in name order, with its count now; null until the first load. */
  segments: SegmentSummary[] | null;
  error: string | null;
  reload(): void;
}

/** The saved segments and their counts, asked again on reload. */
export function useSegments(): SegmentsState {
  const [segments, setSegments] = useState<SegmentSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let current = true;
    invoke('segments.list', {}).then(
      (list) => {
        if (!current) return;
        setSegments(list.segments);
        setError(null);
      },
      (thrown: unknown) => current && setError(toCrmError(thrown).message),
    );
    return () => {
      current = false;
    };
  }, [version]);

  const reload = useCallback(() => setVersion((value) => value + 1), []);
  return { segments, error, reload };
}
