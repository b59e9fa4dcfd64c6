import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatMinor } from '../../../../shared/currency';
import type { Dashboard } from '../../../../shared/schemas/dashboard';
import { ChartCard } from './ChartCard';
import { compactMoney, countText, inUnits, monthAxis, monthName, percentText, plural } from './dashboardWords';

type Forecast = Dashboard['forecast'];
type Bucket = Forecast['overdue'];

const overdueLabel = 'Late';

/** Open deals' weighted value by the month they are expected to close, in the currency shown. */
export function ForecastChart({ forecast, currency }: { forecast: Forecast; currency: string }) {
  const inCurrency = (bucket: Bucket) =>
    bucket.weighted.find((amount) => amount.currency === currency) ?? { valueMinor: 0, deals: 0 };
  const bars = [
    ...(inCurrency(forecast.overdue).deals > 0
      ? [{ key: overdueLabel, axis: overdueLabel, name: 'Expected before this month', ...inCurrency(forecast.overdue) }]
      : []),
    ...forecast.months.map((month) => ({
      key: month.month,
      axis: monthAxis(month.month),
      name: monthName(month.month),
      ...inCurrency(month),
    })),
  ].map((bar) => ({ ...bar, value: inUnits(bar.valueMinor, currency) }));
  const figures = {
    columns: ['Expected to close', 'Open deals', `Weighted value (${currency})`],
    rows: bars.map((bar) => [bar.name, countText(bar.deals), formatMinor(bar.valueMinor, currency)]),
  };
  const defaults = forecast.stageDefaults
    .map((stage) => `${stage.name} ${percentText(stage.probability / 100)}`)
    .join(', ');
  const later = inCurrency(forecast.later).deals;
  const caption = [
    `${monthName(forecast.months[0]!.month)} to ${monthName(forecast.months[forecast.months.length - 1]!.month)}${bars[0]?.key === overdueLabel ? ', after the deals that were expected to close before this month' : ''}.`,
    `Each open deal in ${currency} counts at its value × its probability; a deal with no probability counts at its stage’s: ${defaults}.`,
    forecast.undatedDeals > 0
      ? `${plural(forecast.undatedDeals, 'open deal has', 'open deals have')} no expected close date and ${forecast.undatedDeals === 1 ? 'is' : 'are'} left out.`
      : '',
    later > 0 ? `${plural(later, 'deal closes', 'deals close')} after these 12 months.` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <ChartCard title="Weighted forecast by expected close month" caption={caption} figures={figures}>
      <ResponsiveContainer width="100%" height={240}>
        <BarChart data={bars} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
          <CartesianGrid vertical={false} stroke="var(--border)" />
          <XAxis
            dataKey="axis"
            interval={0}
            tick={{ fill: 'var(--text-muted)', fontSize: 12 }}
            tickLine={false}
            axisLine={{ stroke: 'var(--border-strong)' }}
          />
          <YAxis
            tickFormatter={(units: number) => compactMoney(units, currency)}
            tick={{ fill: 'var(--text-muted)', fontSize: 12 }}
            width={64}
            tickLine={false}
            axisLine={false}
          />
          <Tooltip
            cursor={{ fill: 'var(--bg-hover)' }}
            labelFormatter={(_label, items) =>
              String((items[0]?.payload as (typeof bars)[number] | undefined)?.name ?? '')
            }
            formatter={(_value, _name, item) => [
              `${formatMinor((item.payload as (typeof bars)[number]).valueMinor, currency)} · ${plural((item.payload as (typeof bars)[number]).deals, 'deal', 'deals')}`,
              'Weighted',
            ]}
          />
          <Bar
            dataKey="value"
            name="Weighted value"
            fill="var(--accent)"
            radius={[4, 4, 0, 0]}
            isAnimationActive={false}
            maxBarSize={40}
          />
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}
