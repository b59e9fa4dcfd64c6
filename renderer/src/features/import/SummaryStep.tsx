import { useState } from 'react';
import type { ImportKind, ImportSummary, ImportUndone } from '../../../../shared/schemas/import';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { countOf } from '../../lib/format';
import { CountsStrip } from './CountsStrip';
import { undoQuestion, wholeNumber } from './importWords';

interface SummaryStepProps {
  summary: ImportSummary;
  fileName: string;
  kind: ImportKind;
  undone: ImportUndone | null;
  plural: string;
  busy: boolean;
  /** Resolves true once saved (false: the save dialog was cancelled). */
  onSaveRejected: () => Promise<boolean>;
  onUndo: () => void;
  onShowImported: () => void;
}

/** What the import did: the counts, the tag it left, every rejected row's line and reasons, and the ways on (save them, undo, show). */
export function SummaryStep({
  summary,
  fileName,
  kind,
  undone,
  plural,
  busy,
  onSaveRejected,
  onUndo,
  onShowImported,
}: SummaryStepProps) {
  // Said here, not in a toast: toasts sit behind the dialog.
  const [saved, setSaved] = useState(false);
  // Undo is asked first, as in Settings › Imports: it removes records.
  const [asking, setAsking] = useState(false);
  const touched = summary.created + summary.updated;
  return (
    <div className="import-summary">
      <CountsStrip
        counts={{ create: summary.created, update: summary.updated, skip: summary.skipped, reject: summary.rejected }}
        plural={plural}
        caption="What was imported"
      />
      {undone ? (
        <p className="import-step__lead" role="status">
          Import undone: {countOf(undone.removed, 'record', 'records')} moved to the Trash,{' '}
          {countOf(undone.restored, 'record', 'records')} put back as they were
          {undone.leftAsIs > 0
            ? `, ${countOf(undone.leftAsIs, 'record', 'records')} left as they are because they were changed since`
            : ''}
          .
        </p>
      ) : (
        <p className="import-step__lead">
          {touched > 0 ? (
            <>
              Done in {summary.seconds.toLocaleString()} seconds. Every {plural === 'contacts' ? 'contact' : 'company'}{' '}
              created or changed carries the tag <strong>{summary.tagName}</strong>, and the import shows in its
              timeline.
              {summary.companiesCreated > 0 &&
                ` The Company column added ${countOf(summary.companiesCreated, 'company', 'companies')}, tagged the same way.`}
              {summary.keptOptOuts > 0 &&
                ` ${countOf(summary.keptOptOuts, 'person who unsubscribed or asked not to be contacted kept that status', 'people who unsubscribed or asked not to be contacted kept that status')}.`}
              {summary.leadSourcesAdded.length > 0 &&
                ` Added to the lead sources: ${summary.leadSourcesAdded.join(', ')}.`}
            </>
          ) : (
            'Nothing was created or changed.'
          )}
        </p>
      )}
      <div className="import-summary__actions">
        {touched > 0 && !undone && (
          <Button variant="primary" icon="list" onClick={onShowImported}>
            Show imported {plural}
          </Button>
        )}
        {summary.rejected > 0 && (
          <Button icon="download" onClick={() => void onSaveRejected().then(setSaved)}>
            Save rejected rows…
          </Button>
        )}
        {touched > 0 && !undone && (
          <Button icon="undo" onClick={() => !busy && setAsking(true)} aria-disabled={busy}>
            {busy ? 'Undoing…' : 'Undo this import'}
          </Button>
        )}
      </div>
      <p className="import-step__note" role="status">
        {saved ? 'Rejected rows saved. Fix them in Excel or any editor, then import that file.' : ''}
      </p>
      {summary.rejected > 0 && (
        <section className="import-summary__rejected" aria-labelledby="import-rejected-title">
          <h3 id="import-rejected-title" className="import-step__subtitle">
            Rejected rows ({wholeNumber(summary.rejected)})
            {summary.rejected > summary.rejectedRows.length
              ? ` — the first ${summary.rejectedRows.length} shown; Save rejected rows… writes them all`
              : ''}
          </h3>
          <ul className="import-rejected" aria-label="Rejected rows">
            {summary.rejectedRows.map((row) => (
              <li key={row.line} className="import-rejected__row">
                <span className="import-rejected__line">Line {row.line}</span>
                <span>{row.reasons.join(' ')}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {asking && (
        <ConfirmDialog
          {...undoQuestion({
            fileName,
            kind,
            created: summary.created,
            companiesCreated: summary.companiesCreated,
            updated: summary.updated,
          })}
          confirmLabel="Undo import"
          tone="safe"
          onConfirm={() => {
            setAsking(false);
            onUndo();
          }}
          onCancel={() => setAsking(false)}
        />
      )}
    </div>
  );
}
