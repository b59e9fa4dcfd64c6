import { useId, useState } from 'react';
import { ErrorBanner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { Screen } from '../../components/Screen';
import { ScreenHeader } from '../../components/ScreenHeader';
import { Select } from '../../components/Select';
import { ActivityWeeksChart } from './ActivityWeeksChart';
import { CampaignFunnel } from './CampaignFunnel';
import { FirstRun } from './FirstRun';
import { ForecastChart } from './ForecastChart';
import { OverdueTasksChart } from './OverdueTasksChart';
import { PipelineChart } from './PipelineChart';
import { useDashboard } from './useDashboard';
import { WinRateFigures } from './WinRateFigures';
import './DashboardScreen.css';

/** The charts first seen once there is data: pipeline, forecast, win rate, overdue tasks, activity, the newest campaign. */
export function DashboardScreen() {
  const { dashboard, error, reload } = useDashboard();
  const [chosenCurrency, setChosenCurrency] = useState<string | null>(null);
  const currencyId = useId();
  const currencies = dashboard?.currencies ?? [];
  // Money is never added across currencies: the charts show one, the one most deals use unless the user picks another.
  const currency =
    chosenCurrency !== null && currencies.includes(chosenCurrency) ? chosenCurrency : (currencies[0] ?? 'EUR');

  return (
    <Screen className="dashboard" titleId="dashboard-title">
      <ScreenHeader titleId="dashboard-title" title="Dashboard">
        {currencies.length > 1 && (
          <label className="dashboard__currency" htmlFor={currencyId}>
            <span>Currency</span>
            <Select
              id={currencyId}
              value={currency}
              options={currencies.map((code) => ({ value: code, label: code }))}
              onChange={(event) => setChosenCurrency(event.target.value)}
            />
          </label>
        )}
      </ScreenHeader>
      {error && (
        <ErrorBanner title="The dashboard could not be loaded" action={<Button onClick={reload}>Try again</Button>}>
          {error}
        </ErrorBanner>
      )}
      {dashboard === null && !error && <p className="dashboard__quiet">Loading…</p>}
      {dashboard && !dashboard.hasRecords && <FirstRun />}
      {dashboard?.hasRecords && (
        <div className="dashboard__grid">
          <PipelineChart pipeline={dashboard.pipeline} currency={currency} otherCurrencies={currencies.length > 1} />
          <ForecastChart forecast={dashboard.forecast} currency={currency} />
          <WinRateFigures winRate={dashboard.winRate} currency={currencies.length > 0 ? currency : undefined} />
          <OverdueTasksChart owners={dashboard.overdueTasks} />
          <ActivityWeeksChart weeks={dashboard.activityWeeks} />
          <CampaignFunnel campaign={dashboard.newestCampaign} />
        </div>
      )}
    </Screen>
  );
}
