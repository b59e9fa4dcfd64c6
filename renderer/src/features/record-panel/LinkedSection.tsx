import { useEffect, useState, type ReactNode } from 'react';
import { toCrmError } from '../../api';
import { ErrorBanner } from '../../components/Banner';
import './LinkedSection.css';

/** The first rows of a linked list, and how many there are in all. */
export interface FirstRows<Row> {
  rows: Row[];
  total: number;
}

interface LinkedSectionProps<Row extends { id: number }> {
  /** The heading's id, unique on the page: it names the section. */
  titleId: string;
  title: string;
  /** Beside the title: what the section lets the user start (New deal). */
  action?: ReactNode;
  /** Loads the first rows; loaded again whenever it changes, so callers memoise it on what it reads. */
  load: () => Promise<FirstRows<Row>>;
  /** Loaded again whenever this changes too: the record's own version, when editing it can change what is linked. */
  version?: number;
  /** "3 people": the count beside the title and under a cut list. */
  count: (total: number) => string;
  /** "people": in "The people could not be loaded". */
  what: string;
  emptyText: string;
  listLabel: string;
  /** A class for each list item, when the item itself is laid out. */
  itemClassName?: string;
  renderRow: (row: Row) => ReactNode;
}

/**
 * Records linked to the one in the panel: loading, a failure, none, or the
 * first of them with their count, and a note when there are more than shown.
 */
export function LinkedSection<Row extends { id: number }>({
  titleId,
  title,
  action,
  load,
  version,
  count,
  what,
  emptyText,
  listLabel,
  itemClassName,
  renderRow,
}: LinkedSectionProps<Row>) {
  const [linked, setLinked] = useState<FirstRows<Row> | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    load().then(
      (first) => {
        if (!current) return;
        setLinked(first);
        setError(null);
      },
      (thrown: unknown) => current && setError(toCrmError(thrown).message),
    );
    return () => {
      current = false;
    };
  }, [load, version]);

  return (
    <section className="linked-section" aria-labelledby={titleId}>
      <div className="linked-section__head">
        <h3 id={titleId} className="linked-section__title">
          {title}
          {linked && linked.total > 0 && <span className="linked-section__count">{count(linked.total)}</span>}
        </h3>
        {action}
      </div>
      {error && <ErrorBanner title={`The ${what} could not be loaded`}>{error}</ErrorBanner>}
      {linked === null && !error && <p className="linked-section__empty">Loading…</p>}
      {linked && linked.total === 0 && <p className="linked-section__empty">{emptyText}</p>}
      {linked && linked.rows.length > 0 && (
        <ul className="linked-section__list" aria-label={listLabel}>
          {linked.rows.map((row) => (
            <li key={row.id} className={itemClassName}>
              {renderRow(row)}
            </li>
          ))}
        </ul>
      )}
      {linked && linked.total > linked.rows.length && (
        <p className="linked-section__empty">
          Showing the first {linked.rows.length} of {count(linked.total)}.
        </p>
      )}
    </section>
  );
}
