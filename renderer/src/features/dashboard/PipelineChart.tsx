import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Dashboard } from '../../../../shared/schemas/dashboard';
import { formatMinor } from '../../../../shared/currency';
import { ChartCard } from './ChartCard';
import { compactMoney, countText, inUnits, plural } from './dashboardWords';

/** Open deals' value in each open stage, in the currency shown. */
export function PipelineChart({
  pipeline,
  currency,
  otherCurrencies,
}: {
  pipeline: Dashboard['pipeline'];
  currency: string;
  otherCurrencies: boolean;
}) {
  const rows = pipeline.map((stage) => {
    const total = stage.totals.find((amount) => amount.currency === currency);
    return {
      name: stage.name,
      valueMinor: total?.valueMinor ?? 0,
      value: inUnits(total?.valueMinor ?? 0, currency),
      deals: total?.deals ?? 0,
    };
  });
  const figures = {
    columns: ['Stage', 'Open deals', `Value (${currency})`],
    rows: rows.map((row) => [row.name, countText(row.deals), formatMinor(row.valueMinor, currency)]),
  };
  const caption = `Open deals in ${currency} by stage, in pipeline order.${otherCurrencies ? ' Deals in other currencies show when you choose their currency above.' : ''}`;
  return (
    <ChartCard title="Pipeline value by stage" caption={caption} figures={figures}>
      <ResponsiveContainer width="100%" height={240}>
        <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
          <CartesianGrid vertical={false} stroke="var(--border)" />
          <XAxis
            dataKey="name"
            tick={{ fill: 'var(--text-muted)', fontSize: 12 }}
            interval={0}
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
            formatter={(_value, _name, item) => [
              `${formatMinor((item.payload as (typeof rows)[number]).valueMinor, currency)} · ${plural((item.payload as (typeof rows)[number]).deals, 'deal', 'deals')}`,
              'Open',
            ]}
          />
          <Bar
            dataKey="value"
            name="Value"
            fill="var(--accent)"
            radius={[4, 4, 0, 0]}
            isAnimationActive={false}
            maxBarSize={56}
          />
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}
