import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import type { Dashboard } from '../../../../shared/schemas/dashboard';
import { ChartCard } from './ChartCard';
import { countText } from './dashboardWords';

const unassigned = 'Unassigned';
/** A long name is cut on the axis (the table has it whole), so it never runs off the card. */
const shortName = (name: string): string => (name.length > 18 ? `${name.slice(0, 17).trimEnd()}…` : name);

/** More owners than this fold into one bar, so the names stay readable. */
const ownersShown = 8;

/** Open tasks past their due time, per owner of the task's deal. */
export function OverdueTasksChart({ owners }: { owners: Dashboard['overdueTasks'] }) {
  const named = owners.map((row) => ({ name: row.owner ?? unassigned, tasks: row.tasks }));
  const rest = named.slice(ownersShown - 1);
  const bars =
    named.length > ownersShown
      ? [
          ...named.slice(0, ownersShown - 1),
          { name: `${rest.length} others`, tasks: rest.reduce((sum, row) => sum + row.tasks, 0) },
        ]
      : named;
  const caption =
    'Open tasks past their due time, by the owner of the deal the task is on. Tasks not on a deal, or on a deal with no owner, are Unassigned.';
  if (bars.length === 0) {
    return (
      <ChartCard title="Overdue tasks by owner" caption={caption} figures={null}>
        <p className="chart-card__nothing">No task is overdue.</p>
      </ChartCard>
    );
  }
  const figures = { columns: ['Owner', 'Overdue tasks'], rows: named.map((row) => [row.name, countText(row.tasks)]) };
  return (
    <ChartCard title="Overdue tasks by owner" caption={caption} figures={figures}>
      <ResponsiveContainer width="100%" height={Math.max(120, bars.length * 34 + 24)}>
        <BarChart data={bars} layout="vertical" margin={{ top: 0, right: 40, bottom: 0, left: 8 }}>
          <CartesianGrid horizontal={false} stroke="var(--border)" />
          <XAxis
            type="number"
            allowDecimals={false}
            tick={{ fill: 'var(--text-muted)', fontSize: 12 }}
            tickLine={false}
            axisLine={false}
          />
          <YAxis
            type="category"
            dataKey="name"
            width={130}
            tickFormatter={shortName}
            tick={{ fill: 'var(--text)', fontSize: 12 }}
            tickLine={false}
            axisLine={{ stroke: 'var(--border-strong)' }}
          />
          <Bar
            dataKey="tasks"
            name="Overdue tasks"
            fill="var(--warning)"
            radius={[0, 4, 4, 0]}
            isAnimationActive={false}
            maxBarSize={22}
          >
            <LabelList
              dataKey="tasks"
              position="right"
              fill="var(--text)"
              fontSize={12}
              formatter={(value) => countText(Number(value))}
            />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}
