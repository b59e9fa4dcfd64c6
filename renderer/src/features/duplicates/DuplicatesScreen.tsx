import { Screen } from '../../components/Screen';
import { ScreenHeader } from '../../components/ScreenHeader';

/** Placeholder while the Duplicates screen is built. */
export function DuplicatesScreen() {
  return (
    <Screen className="duplicates" titleId="duplicates-title">
      <ScreenHeader titleId="duplicates-title" title="Duplicates" />
    </Screen>
  );
}
