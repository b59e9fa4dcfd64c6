import { useEffect, useId, useRef, useState } from 'react';
import type { ListSelector } from '../../../../shared/schemas/bulk';
import type { CsvDelimiter, ExportFormat, ExportResult } from '../../../../shared/schemas/export';
import { invoke } from '../../api';
import { ErrorBanner } from '../../components/Banner';
import { ChoiceCard } from '../../components/ChoiceCard';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { ProgressBar } from '../../components/ProgressBar';
import { countOf } from '../../lib/format';
import { ProgressStage } from '../../components/ProgressStage';
import type { BulkTarget } from '../bulk';
import { delimiterChoices, formatChoices, narrowedBy, progressWords } from './exportWords';
import type { TickedRows } from './exportRows';
import { useListExportRun } from './useListExportRun';
import '../../components/ProgressDialog.css';
import './ListExportDialog.css';

interface ListExportDialogProps {
  target: BulkTarget;
  /** The list as shown when the dialog opened: its search, filters, tag filter and sort. */
  list: ListSelector;
  /** The list's own count; with `more`, at least that many (a search counts to 1,000), so it is counted exactly here. */
  listCount: { total: number | null; more: boolean };
  ticked: TickedRows;
  onSaved: (result: ExportResult) => void;
  /** Cancelled while writing: the unfinished file was deleted. */
  onStopped: () => void;
  /** Closed before exporting. */
  onClose: () => void;
}

const delimiterKey = 'rolodesk.export.delimiter';

/** The separator chosen last time: someone in Germany wants semicolons every time. */
function rememberedDelimiter(): CsvDelimiter {
  return window.localStorage.getItem(delimiterKey) === ';' ? ';' : ',';
}

/**
 * Export… on a list: the file type (CSV, Excel, vCard for contacts), the CSV
 * separator, the ticked rows only or the whole list, and how many rows that
 * is; then the save dialog, a progress bar with Cancel, and a toast. Escape
 * is Cancel at every point: a cancelled export leaves no file behind.
 */
export function ListExportDialog({
  target,
  list,
  listCount,
  ticked,
  onSaved,
  onStopped,
  onClose,
}: ListExportDialogProps) {
  const ids = useId();
  const [format, setFormat] = useState<ExportFormat>('csv');
  const [delimiter, setDelimiter] = useState<CsvDelimiter>(rememberedDelimiter);
  const [onlyTicked, setOnlyTicked] = useState(ticked.type === 'some');
  const exactTotal = useExactCount(list, listCount);
  const { run, progress, start, stop } = useListExportRun(onSaved, onStopped);
  const exportRef = useRef<HTMLButtonElement>(null);

  const narrowed = onlyTicked && ticked.type === 'some';
  const tickedCount = tickedCountOf(ticked, exactTotal);
  const rowCount = narrowed ? tickedCount : exactTotal;
  const choices = formatChoices(target.kind, target.singular);
  const narrowing = narrowedBy(list.query);

  const begin = () => {
    if (format === 'csv') window.localStorage.setItem(delimiterKey, delimiter);
    start(() =>
      Promise.resolve({
        list,
        ...(narrowed ? ('ids' in ticked ? { ids: ticked.ids } : { except: ticked.except }) : {}),
        format,
        ...(format === 'csv' ? { delimiter } : {}),
      }),
    );
  };

  if (run.state === 'running') {
    const words = run.stopping
      ? 'Cancelling… The unfinished file is being deleted.'
      : progress
        ? progressWords(progress.rows, rowCount ?? null, target.plural)
        : 'Choose where to save the file…';
    const percent = (progress?.fraction ?? 0) * 100;
    return (
      <Dialog key="running" title={`Exporting ${target.plural}`} onCancel={stop}>
        <div className="progress-dialog">
          {progress ? (
            <ProgressStage words={words} percent={percent} />
          ) : (
            // No percent yet: "0%" beside "Choose where to save the file…" would read as stuck.
            <p className="progress-dialog__stage" aria-live="polite">
              {words}
            </p>
          )}
          <ProgressBar
            label={`Exporting ${target.plural}`}
            percent={percent}
            valueText={words}
            state={progress && !run.stopping ? 'measured' : 'working'}
          />
          <p className="progress-dialog__note">Cancel is safe: no half-written file is left behind.</p>
        </div>
        <div className="dialog__actions">
          {/* aria-disabled, not disabled, once pressed: a disabled button drops keyboard focus. */}
          <Button onClick={stop} aria-disabled={run.stopping}>
            {run.stopping ? 'Cancelling…' : 'Cancel'}
          </Button>
        </div>
      </Dialog>
    );
  }

  const nothing = rowCount === 0;
  const ready = rowCount !== null && !nothing;
  return (
    <Dialog
      key="choosing"
      title={`Export ${target.plural}`}
      description="Exactly what the list shows, in the same order, with every column, custom field and tag."
      size="medium"
      onCancel={onClose}
      initialFocus={exportRef}
    >
      <div className="list-export">
        <fieldset className="list-export__group">
          <legend className="list-export__legend">File type</legend>
          {choices.map((choice) => (
            <ChoiceCard
              key={choice.format}
              name={`${ids}-format`}
              value={choice.format}
              checked={format === choice.format}
              onChoose={() => setFormat(choice.format)}
              label={choice.label}
              explain={choice.explain}
            />
          ))}
        </fieldset>

        {format === 'csv' && (
          <fieldset className="list-export__group">
            <legend className="list-export__legend">Separator between values</legend>
            {delimiterChoices.map((choice) => (
              <label key={choice.delimiter} className="list-export__inline">
                <input
                  type="radio"
                  name={`${ids}-delimiter`}
                  value={choice.delimiter}
                  checked={delimiter === choice.delimiter}
                  onChange={() => setDelimiter(choice.delimiter)}
                />
                <span>{choice.label}</span>
              </label>
            ))}
          </fieldset>
        )}

        {ticked.type === 'some' && (
          <label className="list-export__inline list-export__ticked">
            <input type="checkbox" checked={onlyTicked} onChange={(event) => setOnlyTicked(event.target.checked)} />
            <span>
              Only the {countOf(tickedCount ?? ticked.count, `ticked ${target.singular}`, `ticked ${target.plural}`)}
            </span>
          </label>
        )}

        <p className="list-export__count" aria-live="polite">
          {rowCount === null
            ? 'Counting…'
            : rowCount === undefined
              ? `Every ${target.singular} in the list will be exported.`
              : nothing
                ? `There are no ${target.plural} in this list to export.`
                : `${countOf(rowCount, target.singular, target.plural)} will be exported.`}
        </p>
        {!narrowed && narrowing && (
          <p className="list-export__note list-export__narrowing">
            Narrowed by {narrowing}: only what the list shows is exported.
          </p>
        )}
        {run.problem && <ErrorBanner title="The list was not exported">{run.problem}</ErrorBanner>}
      </div>
      <div className="dialog__actions">
        <Button onClick={onClose}>Cancel</Button>
        <Button
          ref={exportRef}
          variant="primary"
          icon="download"
          onClick={() => ready && begin()}
          aria-disabled={!ready}
        >
          Export…
        </Button>
      </div>
    </Dialog>
  );
}

/**
 * How many rows the ticks come to: a select-all less some counts from the
 * list's exact count (its own may stop at "1,000+"); null while that is counted.
 */
function tickedCountOf(ticked: TickedRows, exactTotal: number | null | undefined): number | null {
  if (ticked.type === 'none') return null;
  if ('ids' in ticked || exactTotal === undefined) return ticked.count;
  return exactTotal === null ? null : Math.max(0, exactTotal - ticked.except.length);
}

/**
 * The list's own count, or, when it is capped ("1,000+") or not yet known,
 * the exact one from the core. null while counting; undefined when it could
 * not be counted (the export itself still writes every row).
 */
function useExactCount(
  list: ListSelector,
  listCount: { total: number | null; more: boolean },
): number | null | undefined {
  const known = listCount.total !== null && !listCount.more ? listCount.total : null;
  const [counted, setCounted] = useState<number | null | undefined>(null);
  useEffect(() => {
    if (known !== null) return;
    let current = true;
    invoke('bulk.count', { list }).then(
      ({ total }) => current && setCounted(total),
      () => current && setCounted(undefined),
    );
    return () => {
      current = false;
    };
  }, [known, list]);
  return known ?? counted;
}
