import { useCallback, useEffect, useState } from 'react';
import type { TimelineCursor, TimelineEntry } from '../../../../shared/schemas/timeline';
import { invoke, toCrmError } from '../../api';
import { ErrorBanner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { exactTime, longTime } from '../../lib/format';

const pageSize = 20;

const show = (value: string | number | null) => (value === null || value === '' ? 'nothing' : `“${value}”`);

/** An entry in words: what kind of thing happened, and what. */
export function describe(entry: TimelineEntry): { kind: string; text: string } {
  switch (entry.type) {
    case 'activity': {
      const { kind, subject, preview } = entry.activity;
      return { kind: kind.charAt(0).toUpperCase() + kind.slice(1), text: subject || preview || 'No subject' };
    }
    case 'attachment':
      return { kind: 'File', text: `${entry.attachment.fileName} attached` };
    case 'created':
      return { kind: 'Created', text: 'Company added to Rolodesk' };
    case 'change': {
      const { action, label, oldValue, newValue } = entry.change;
      if (action === 'changed') return { kind: 'Change', text: `${label} changed from ${show(oldValue)} to ${show(newValue)}` };
      if (action === 'trashed') return { kind: 'Trash', text: 'Moved to the trash' };
      if (action === 'restored') return { kind: 'Trash', text: 'Restored from the trash' };
      if (action === 'merged') return { kind: 'Merge', text: `Merged with ${show(oldValue ?? newValue)}` };
      if (action === 'tagged') return { kind: 'Tag', text: `Tagged ${show(newValue)}` };
      return { kind: 'Tag', text: `Tag ${show(oldValue)} removed` };
    }
  }
}

/** The company's history, newest first, a page at a time. `version` reloads it (after a save). */
export function CompanyTimeline({ companyId, version }: { companyId: number; version: number }) {
  const [entries, setEntries] = useState<TimelineEntry[] | null>(null);
  const [next, setNext] = useState<TimelineCursor | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    setError(null);
    invoke('timeline.list', { record: { kind: 'company', id: companyId }, limit: pageSize }).then(
      (page) => {
        if (!current) return;
        setEntries(page.entries);
        setNext(page.next);
      },
      (thrown: unknown) => current && setError(toCrmError(thrown).message),
    );
    return () => {
      current = false;
    };
  }, [companyId, version]);

  const loadMore = useCallback(async () => {
    if (!next || loading) return;
    setLoading(true);
    try {
      const page = await invoke('timeline.list', { record: { kind: 'company', id: companyId }, before: next, limit: pageSize });
      setEntries((current) => [...(current ?? []), ...page.entries]);
      setNext(page.next);
    } catch (thrown) {
      setError(toCrmError(thrown).message);
    } finally {
      setLoading(false);
    }
  }, [companyId, next, loading]);

  return (
    <section className="company-section" aria-labelledby={`timeline-${companyId}`}>
      <h3 id={`timeline-${companyId}`} className="company-section__title">
        Timeline
      </h3>
      {error && <ErrorBanner title="The timeline could not be loaded">{error}</ErrorBanner>}
      {entries === null && !error && <p className="company-section__empty">Loading…</p>}
      {entries && entries.length === 0 && <p className="company-section__empty">Nothing has happened yet.</p>}
      {entries && entries.length > 0 && (
        <ol className="company-timeline">
          {entries.map((entry) => {
            const { kind, text } = describe(entry);
            return (
              <li key={`${entry.cursor.source}-${entry.cursor.id}-${entry.cursor.at}`} className="company-timeline__entry">
                <span className="company-timeline__kind">{kind}</span>
                <span className="company-timeline__text">{text}</span>
                <time className="company-timeline__time" dateTime={entry.at} title={exactTime(entry.at)}>
                  {longTime(entry.at)}
                </time>
              </li>
            );
          })}
        </ol>
      )}
      {next && (
        <Button size="small" onClick={() => void loadMore()} aria-disabled={loading}>
          {loading ? 'Loading…' : 'Load more'}
        </Button>
      )}
    </section>
  );
}
