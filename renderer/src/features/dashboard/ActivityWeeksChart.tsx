import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { activityKinds, type ActivityKind } from '../../../../shared/schemas/activity';
import type { Dashboard } from '../../../../shared/schemas/dashboard';
import { ChartCard } from './ChartCard';
import { countText, everyOtherFromEnd, weekAxis, weekName } from './dashboardWords';

const kindNames: Record<ActivityKind, string> = {
  note: 'Notes',
  call: 'Calls',
  meeting: 'Meetings',
  email: 'Emails',
  task: 'Tasks',
};

/** Activities logged per week, stacked by kind. */
export function ActivityWeeksChart({ weeks }: { weeks: Dashboard['activityWeeks'] }) {
  const bars = weeks.map((week) => ({
    axis: weekAxis(week.startsOn),
    name: `Week of ${weekName(week.startsOn)}`,
    total: week.total,
    ...week.byKind,
  }));
  const figures = {
    columns: ['Week starting', ...activityKinds.map((kind) => kindNames[kind]), 'All'],
    rows: weeks.map((week) => [
      weekName(week.startsOn),
      ...activityKinds.map((kind) => countText(week.byKind[kind])),
      countText(week.total),
    ]),
  };
  return (
    <ChartCard
      title="Activities per week"
      caption="Notes, calls, meetings, emails and tasks by the week they happened in, the last 12 weeks. Weeks start on Monday; this week is the last bar."
      figures={figures}
    >
      <ResponsiveContainer width="100%" height={260}>
        <BarChart data={bars} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid vertical={false} stroke="var(--border)" />
          <XAxis
            dataKey="axis"
            interval={0}
            tickFormatter={everyOtherFromEnd(bars.length)}
            tick={{ fill: 'var(--text-muted)', fontSize: 12 }}
            tickLine={false}
            axisLine={{ stroke: 'var(--border-strong)' }}
          />
          <YAxis
            allowDecimals={false}
            tick={{ fill: 'var(--text-muted)', fontSize: 12 }}
            width={44}
            tickLine={false}
            axisLine={false}
          />
          <Tooltip
            cursor={{ fill: 'var(--bg-hover)' }}
            labelFormatter={(_label, items) =>
              String((items[0]?.payload as (typeof bars)[number] | undefined)?.name ?? '')
            }
          />
          <Legend
            iconType="square"
            iconSize={10}
            wrapperStyle={{ fontSize: 12 }}
            formatter={(name) => <span className="chart-card__legend">{name}</span>}
          />
          {activityKinds.map((kind, index) => (
            <Bar
              key={kind}
              dataKey={kind}
              name={kindNames[kind]}
              stackId="kinds"
              fill={`var(--chart-${index + 1})`}
              isAnimationActive={false}
              maxBarSize={36}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}
