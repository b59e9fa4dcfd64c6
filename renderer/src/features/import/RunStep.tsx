import { ProgressBar } from '../../components/ProgressBar';
import { countOf } from '../../lib/format';
import { ProgressStage } from '../../components/ProgressStage';
import { wholeNumber } from './importWords';
import type { ImportProgressReport } from './useImportProgress';

/** The phase in words, with the rows done and the pace once known. */
export function progressWords(progress: ImportProgressReport | null, plural: string, before = 'Starting…'): string {
  if (!progress) return before;
  const phase = { reading: 'Reading the file', checking: 'Checking rows', writing: `Saving ${plural}` }[progress.phase];
  const pace = progress.rowsPerSecond > 0 ? ` · ${wholeNumber(progress.rowsPerSecond)} rows a second` : '';
  return `${phase}… ${countOf(progress.rows, 'row', 'rows')}${pace}`;
}

interface JobProgressProps {
  /** What the bar is for; also the words shown until the first report. */
  label: string;
  progress: ImportProgressReport | null;
  plural: string;
  stopping?: boolean;
}

/** A preview or import under way: its phase, rows and pace, and the bar. */
export function JobProgress({ label, progress, plural, stopping = false }: JobProgressProps) {
  const words = stopping ? 'Stopping… Nothing is imported.' : progressWords(progress, plural, label);
  const percent = (progress?.fraction ?? 0) * 100;
  return (
    <div className="progress-dialog import-progress">
      <ProgressStage words={words} percent={percent} />
      <ProgressBar
        label={label}
        percent={percent}
        valueText={words}
        state={progress && !stopping ? 'measured' : 'working'}
      />
    </div>
  );
}
