import { useCallback, useEffect, useState } from 'react';
import type { ImportRun } from '../../../../shared/schemas/import';
import { invoke, onEvent, toCrmError } from '../../api';
import { ErrorBanner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useToast } from '../../components/Toast';
import { countOf, longTime } from '../../lib/format';
import { kindWords, undoQuestion } from './importWords';
import './ImportWizard.css';

/** "12 created (and 2 companies), 3 updated, 2 skipped, 1 rejected", leaving out what is nought. */
function runCounts(run: ImportRun): string {
  const parts = [
    run.created > 0 && `${run.created.toLocaleString()} created`,
    run.companiesCreated > 0 && `${countOf(run.companiesCreated, 'company', 'companies')} created for them`,
    run.updated > 0 && `${run.updated.toLocaleString()} updated`,
    run.skipped > 0 && `${run.skipped.toLocaleString()} skipped`,
    run.rejected > 0 && `${run.rejected.toLocaleString()} rejected`,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : 'nothing imported';
}

/** Settings › Imports: the imports of the last 30 days, each with Undo while it can be undone. */
export function ImportSettings() {
  const showToast = useToast();
  const [runs, setRuns] = useState<ImportRun[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [asking, setAsking] = useState<ImportRun | null>(null);
  const [undoing, setUndoing] = useState(false);

  const reload = useCallback(() => {
    invoke('import.list', {}).then(
      ({ imports }) => {
        setRuns(imports);
        setError(null);
      },
      (thrown: unknown) => setError(toCrmError(thrown).message),
    );
  }, []);
  useEffect(reload, [reload]);
  // An import or undo elsewhere (the wizard) changes records: the list may have changed with them.
  useEffect(() => onEvent('records.changed', reload), [reload]);

  const undo = (run: ImportRun) => {
    if (undoing) return;
    setUndoing(true);
    invoke('import.undo', { runId: run.runId })
      .then(
        (undone) => {
          showToast(
            `Import of “${run.fileName}” undone: ${countOf(undone.removed, 'record', 'records')} moved to the Trash, ${countOf(undone.restored, 'record', 'records')} put back`,
          );
          reload();
        },
        (thrown: unknown) => showToast(toCrmError(thrown).message, 'problem'),
      )
      .finally(() => {
        setUndoing(false);
        setAsking(null);
      });
  };

  return (
    <section className="card settings-card" aria-labelledby="settings-imports">
      <div className="settings-card__intro">
        <h2 id="settings-imports" className="card__title">
          Imports
        </h2>
        <p className="card__text">
          The files imported in the last 30 days. Undo removes what an import created and puts back what it changed.
        </p>
      </div>
      {error && (
        <ErrorBanner title="Imports could not be loaded" action={<Button onClick={reload}>Try again</Button>}>
          {error}
        </ErrorBanner>
      )}
      {runs && runs.length === 0 && (
        <p className="list-empty">
          No imports in the last 30 days. Import a file from File › Import… or the Contacts screen.
        </p>
      )}
      {runs && runs.length > 0 && (
        <ul className="settings-list" aria-label="Imports">
          {runs.map((run) => (
            <li key={run.runId} className="settings-item">
              <div className="settings-item__main settings-item__main--stacked import-run">
                <span className="import-run__file">{run.fileName}</span>
                <span className="settings-item__detail">
                  {kindWords[run.kind].Plural} · {longTime(run.createdAt)} · {runCounts(run)} · tag “{run.tagName}”
                  {run.undoneAt && ` · undone ${longTime(run.undoneAt)}`}
                </span>
              </div>
              <div className="settings-item__actions">
                {run.undoable ? (
                  <Button
                    size="small"
                    icon="undo"
                    aria-label={`Undo the import of ${run.fileName}`}
                    onClick={() => setAsking(run)}
                  >
                    Undo
                  </Button>
                ) : (
                  !run.undoneAt && <span className="settings-item__detail">Too old to undo</span>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      {asking && (
        <ConfirmDialog
          {...undoQuestion(asking)}
          confirmLabel="Undo import"
          tone="safe"
          busy={undoing}
          onConfirm={() => undo(asking)}
          onCancel={() => setAsking(null)}
        />
      )}
    </section>
  );
}
