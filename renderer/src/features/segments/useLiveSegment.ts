import { useEffect, useRef, useState } from 'react';
import type { ContactSummary } from '../../../../shared/schemas/contact';
import type { SegmentDefinition, SegmentProblem } from '../../../../shared/schemas/segment';
import { invoke, toCrmError } from '../../api';
import { useDebouncedValue } from '../../lib/useDebouncedValue';

export const membersPerPage = 50;

export interface LiveSegment {
  /** How many people match now; null while it cannot be counted (a problem, an unfinished condition) or is loading. */
  count: number | null;
  /** What stops the count: a deleted tag or field, or a condition still missing a value. */
  problems: SegmentProblem[];
  unfinished: string | null;
  /** The first matches in name order, more as asked. */
  members: ContactSummary[];
  total: number;
  loading: boolean;
  loadMore: () => void;
}

/** The first field problem of a refused definition, in its own words ("Choose at least one tag."). */
const unfinishedWords = (error: unknown) => {
  const crmError = toCrmError(error);
  return crmError.fields[0]?.message ?? crmError.message;
};

/**
 * The count and first members of a definition as it is edited: asked a
 * moment after the last change, and an answer to an older definition is
 * never shown over a newer one.
 */
export function useLiveSegment(definition: SegmentDefinition): LiveSegment {
  const settled = useDebouncedValue(definition, 250);
  // `answered`: the definition the rest belongs to; it is loading until that is the settled one.
  const [state, setState] = useState<
    { answered: SegmentDefinition | null } & Omit<LiveSegment, 'loadMore' | 'loading'>
  >({
    answered: null,
    count: null,
    problems: [],
    unfinished: null,
    members: [],
    total: 0,
  });
  const asked = useRef(0);
  const loadingMore = useRef(false);

  useEffect(() => {
    const ask = ++asked.current;
    Promise.all([
      invoke('segments.count', { definition: settled }),
      invoke('segments.members', { definition: settled, offset: 0, limit: membersPerPage }),
    ]).then(
      ([counted, members]) => {
        if (ask !== asked.current) return;
        setState({
          answered: settled,
          count: counted.count,
          problems: counted.problems,
          unfinished: null,
          members: members.page.rows,
          total: members.page.total,
        });
      },
      (error: unknown) => {
        if (ask !== asked.current) return;
        setState({
          answered: settled,
          count: null,
          problems: [],
          unfinished: unfinishedWords(error),
          members: [],
          total: 0,
        });
      },
    );
  }, [settled]);

  const loadMore = () => {
    // A second click while a page loads would ask for the same rows again.
    if (loadingMore.current) return;
    loadingMore.current = true;
    const ask = asked.current;
    invoke('segments.members', { definition: settled, offset: state.members.length, limit: membersPerPage })
      .then(
        (more) => {
          if (ask === asked.current) setState((old) => ({ ...old, members: [...old.members, ...more.page.rows] }));
        },
        (error: unknown) =>
          ask === asked.current && setState((old) => ({ ...old, unfinished: unfinishedWords(error) })),
      )
      .finally(() => {
        loadingMore.current = false;
      });
  };

  const { answered, ...answer } = state;
  return { ...answer, loading: answered !== settled, loadMore };
}
