import { Icon } from '../../components/Icon';
import type { WizardStep } from './useImportWizard';

/** The steps as the user sees them; running and summary count as the last one. */
const shown: ReadonlyArray<{ label: string; steps: readonly WizardStep[] }> = [
  { label: 'Kind', steps: ['kind'] },
  { label: 'File', steps: ['pick'] },
  { label: 'Check', steps: ['detect'] },
  { label: 'Columns', steps: ['map'] },
  { label: 'Preview', steps: ['preview'] },
  { label: 'Duplicates', steps: ['duplicates'] },
  { label: 'Import', steps: ['running', 'summary'] },
];

/** Where the wizard is: each step's name, the current one marked, the done ones ticked by colour. */
export function StepList({ step, withKind }: { step: WizardStep; withKind: boolean }) {
  const steps = withKind ? shown : shown.slice(1);
  const current = steps.findIndex((item) => item.steps.includes(step));
  return (
    <ol className="import-steps" aria-label={`Step ${current + 1} of ${steps.length}`}>
      {steps.map((item, index) => (
        <li
          key={item.label}
          className={
            index === current
              ? 'import-steps__item import-steps__item--current'
              : index < current
                ? 'import-steps__item import-steps__item--done'
                : 'import-steps__item'
          }
          aria-current={index === current ? 'step' : undefined}
        >
          <span className="import-steps__number" aria-hidden="true">
            {index < current ? <Icon name="check" size={12} /> : index + 1}
          </span>
          {item.label}
        </li>
      ))}
    </ol>
  );
}
