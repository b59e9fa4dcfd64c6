import { Screen } from '../../components/Screen';
import { ScreenHeader } from '../../components/ScreenHeader';

/** Placeholder while the Deals screen is built. */
export function DealsScreen() {
  return (
    <Screen className="deals" titleId="deals-title">
      <ScreenHeader titleId="deals-title" title="Deals" />
    </Screen>
  );
}
