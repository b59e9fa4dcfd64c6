import './ProgressDialog.css';

/** A running export or restore: the step it is on, in words (announced as it changes), and how far along it is. */
export function ProgressStage({ words, percent }: { words: string; percent: number }) {
  return (
    <p className="progress-dialog__stage" aria-live="polite">
      <span>{words}</span>
      <span className="progress-dialog__percent" aria-hidden="true">
        {Math.round(percent)}%
      </span>
    </p>
  );
}
