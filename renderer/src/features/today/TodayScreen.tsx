import { Screen } from '../../components/Screen';
import { ScreenHeader } from '../../components/ScreenHeader';

/** Placeholder while the Today screen is built. */
export function TodayScreen() {
  return (
    <Screen className="today" titleId="today-title">
      <ScreenHeader titleId="today-title" title="Today" />
    </Screen>
  );
}
