import type { SavedView, ViewProblem } from '../../../../shared/schemas/view';
import { WarningBanner } from '../../components/Banner';

/** Over a list showing a saved view whose filter no longer resolves: what is missing, and what to do. */
export function BrokenViewBanner({ view, problems }: { view: SavedView; problems: readonly ViewProblem[] }) {
  return (
    <WarningBanner title={`The view “${view.name}” needs a new filter`}>
      {problems.map((problem) => problem.message).join(' ')} It shows nothing until its filter is changed: change the
      filter here and choose Save changes, or delete the view.
    </WarningBanner>
  );
}
