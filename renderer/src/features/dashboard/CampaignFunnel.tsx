import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import type { Dashboard } from '../../../../shared/schemas/dashboard';
import { memberStatusLabels } from '../../../../shared/schemas/marketing';
import { ChartCard } from './ChartCard';
import { countText, dayName, funnelStepLabels, percentText } from './dashboardWords';

/** How far the members of the newest campaign got, step by step. */
export function CampaignFunnel({ campaign }: { campaign: Dashboard['newestCampaign'] }) {
  if (!campaign) {
    return (
      <ChartCard
        title="Newest campaign"
        caption="The funnel of the campaign you created last shows here."
        figures={null}
      >
        <p className="chart-card__nothing">No campaign yet.</p>
      </ChartCard>
    );
  }
  const members = campaign.steps[0]?.members ?? 0;
  const share = (count: number) => (members === 0 ? '' : percentText(count / members));
  const bars = campaign.steps.map((step) => ({
    name: funnelStepLabels[step.step],
    members: step.members,
    label: `${countText(step.members)}${members > 0 ? ` · ${share(step.members)}` : ''}`,
  }));
  const aside = campaign.byStatus.filter(
    (row) => (row.status === 'bounced' || row.status === 'unsubscribed') && row.members > 0,
  );
  const figures = {
    columns: ['Step', 'Members', 'Of all members'],
    rows: [
      ...bars.map((bar) => [bar.name, countText(bar.members), share(bar.members) || '–']),
      ...aside.map((row) => [memberStatusLabels[row.status], countText(row.members), share(row.members)]),
    ],
  };
  const asideText = aside
    .map((row) => `${memberStatusLabels[row.status].toLowerCase()}: ${countText(row.members)}`)
    .join(', ');
  const caption = `“${campaign.name}”, created ${dayName(new Date(campaign.createdAt))}. Each step counts the members who got at least that far${asideText ? `; bounced and unsubscribed members count as sent (${asideText})` : ''}.`;
  return (
    <ChartCard title="Newest campaign" caption={caption} figures={figures}>
      {members === 0 ? (
        <p className="chart-card__nothing">This campaign has no members yet.</p>
      ) : (
        <ResponsiveContainer width="100%" height={bars.length * 38 + 16}>
          <BarChart data={bars} layout="vertical" margin={{ top: 0, right: 96, bottom: 0, left: 8 }}>
            <CartesianGrid horizontal={false} stroke="var(--border)" />
            <XAxis type="number" hide allowDecimals={false} domain={[0, members]} />
            <YAxis
              type="category"
              dataKey="name"
              width={120}
              tick={{ fill: 'var(--text)', fontSize: 12 }}
              tickLine={false}
              axisLine={{ stroke: 'var(--border-strong)' }}
            />
            <Bar
              dataKey="members"
              name="Members"
              fill="var(--success)"
              radius={[0, 4, 4, 0]}
              isAnimationActive={false}
              maxBarSize={24}
            >
              <LabelList dataKey="label" position="right" fill="var(--text)" fontSize={12} />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      )}
    </ChartCard>
  );
}
