import './ProgressBar.css';

interface ProgressBarProps {
  /** What is progressing, for screen readers ("Uploading report.pdf"). */
  label: string;
  /** Percent done, 0 to 100. */
  percent: number;
  /** The same progress in words ("1 MB of 8 MB"), read instead of the bare number. */
  valueText: string;
  /** 'working' pulses the bar: the step under way cannot report how far it is. */
  state?: 'measured' | 'working';
}

/** A thin bar that fills as a job advances. */
export function ProgressBar({ label, percent, valueText, state = 'measured' }: ProgressBarProps) {
  const clamped = Math.max(0, Math.min(100, Math.round(percent)));
  return (
    <div
      className="progress"
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={clamped}
      aria-valuetext={valueText}
      data-state={state}
    >
      <span className="progress__fill" style={{ width: `${clamped}%` }} />
    </div>
  );
}
