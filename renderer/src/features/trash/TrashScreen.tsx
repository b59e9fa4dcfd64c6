import { Screen } from '../../components/Screen';
import { ScreenHeader } from '../../components/ScreenHeader';

/** Placeholder while the Trash screen is built. */
export function TrashScreen() {
  return (
    <Screen className="trash" titleId="trash-title">
      <ScreenHeader titleId="trash-title" title="Trash" />
    </Screen>
  );
}
