import type { ReactNode } from 'react';
import { ErrorBanner } from '../Banner';
import { Button } from '../Button';
import { isNarrowed } from '../../lib/pagedRows';
import { RecordGrid, type RecordGridProps } from './RecordGrid';

interface RecordListAreaProps<Row extends { id: number }, Sort extends string> extends RecordGridProps<Row, Sort> {
  /** "contacts", "companies": said when loading fails. */
  plural: string;
  /** Shown when there are no records at all. */
  empty: ReactNode;
  /** Shown when a search or filter matches nothing. */
  noMatches: ReactNode;
}

/** A list screen's main area: the grid, or what to say instead (nothing yet, no matches, could not load). */
export function RecordListArea<Row extends { id: number }, Sort extends string>({
  plural,
  empty,
  noMatches,
  ...grid
}: RecordListAreaProps<Row, Sort>) {
  const { snapshot, pages } = grid;
  const retry = <Button onClick={() => pages.refresh()}>Try again</Button>;
  let content;
  if (snapshot.total === null && snapshot.error) {
    content = (
      <ErrorBanner title={`The ${plural} could not be loaded`} action={retry}>
        {snapshot.error.message}
      </ErrorBanner>
    );
  } else if (snapshot.total === 0) {
    content = isNarrowed(snapshot.query) ? noMatches : empty;
  } else {
    content = (
      <>
        {snapshot.error && (
          <ErrorBanner title={`Some ${plural} could not be loaded`} action={retry}>
            {snapshot.error.message}
          </ErrorBanner>
        )}
        <RecordGrid {...grid} />
      </>
    );
  }
  return <div className="record-list">{content}</div>;
}
