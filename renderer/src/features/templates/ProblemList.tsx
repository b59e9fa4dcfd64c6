import type { TemplateProblem } from '../../../../shared/schemas/template';
import { Icon } from '../../components/Icon';

/** What is wrong with the template as written, under the editor; nothing goes out until the list is empty. */
export function ProblemList({
  id,
  problems,
  failure,
}: {
  id: string;
  problems: readonly TemplateProblem[];
  failure: string | undefined;
}) {
  const lines = failure ? [failure] : problems.map((problem) => problem.message);
  return (
    <div id={id} className="template-problems" aria-live="polite">
      {lines.length === 0 ? (
        <p className="template-problems__ok">
          <Icon name="check" size={14} /> No problems found.
        </p>
      ) : (
        <ul className="template-problems__list" aria-label="Problems in this template">
          {lines.map((line, index) => (
            <li key={index}>
              <Icon name="alert" size={14} />
              <span>{line}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
