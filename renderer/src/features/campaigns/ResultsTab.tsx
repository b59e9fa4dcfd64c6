import { useEffect, useState } from 'react';
import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { funnelStepLabels, type Campaign, type CampaignResults } from '../../../../shared/schemas/campaign';
import { memberStatusLabels } from '../../../../shared/schemas/marketing';
import { invoke, toCrmError } from '../../api';
import { ErrorBanner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { useToast } from '../../components/Toast';
import { useSubmitOnce } from '../../lib/useSubmitOnce';
import { formatMoney } from '../../lib/money';
import { budgetText, rateText } from './campaignWords';

/** Results: the funnel as a chart (or a table), how many have each status, deals won and cost per conversion. */
export function ResultsTab({ campaign }: { campaign: Campaign }) {
  const showToast = useToast();
  const [results, setResults] = useState<CampaignResults | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [asTable, setAsTable] = useState(false);
  const exporting = useSubmitOnce();

  useEffect(() => {
    invoke('campaigns.results', { campaignId: campaign.id }).then(setResults, (error: unknown) =>
      setProblem(toCrmError(error).message),
    );
  }, [campaign.id]);

  async function exportCsv() {
    await exporting.run(async () => {
      try {
        const { saved } = await invoke('campaigns.exportResults', { campaignId: campaign.id });
        if (saved) showToast('Results saved as CSV');
      } catch (error) {
        setProblem(toCrmError(error).message);
      }
    });
  }

  if (problem) return <ErrorBanner>{problem}</ErrorBanner>;
  if (!results) return null;
  const funnel = results.funnel.map((step) => ({
    label: funnelStepLabels[step.step],
    count: step.count,
    rate: rateText(step.ofMembers),
  }));

  return (
    <>
      <div className="campaign-results__actions">
        <Button aria-pressed={asTable} icon={asTable ? 'board' : 'list'} onClick={() => setAsTable(!asTable)}>
          {asTable ? 'Show as chart' : 'Show as table'}
        </Button>
        <Button icon="download" disabled={exporting.running} onClick={() => void exportCsv()}>
          Export CSV…
        </Button>
      </div>
      <div className="campaign-results">
        <section className="campaign-results__card" aria-labelledby="funnel-title">
          <h2 id="funnel-title">Funnel</h2>
          {asTable ? (
            <table className="campaigns__table" aria-labelledby="funnel-title">
              <thead>
                <tr>
                  <th scope="col">Step</th>
                  <th scope="col" className="campaigns__number">
                    People
                  </th>
                  <th scope="col" className="campaigns__number">
                    Of members
                  </th>
                  <th scope="col" className="campaigns__number">
                    Of the step before
                  </th>
                </tr>
              </thead>
              <tbody>
                {results.funnel.map((step, index) => (
                  <tr key={step.step}>
                    <th scope="row">{funnelStepLabels[step.step]}</th>
                    <td className="campaigns__number">{step.count.toLocaleString()}</td>
                    <td className="campaigns__number">{rateText(step.ofMembers)}</td>
                    <td className="campaigns__number">{index === 0 ? '' : rateText(step.ofPrevious)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            // The figures are in the table view and the status list beside it; the chart itself is a picture of them.
            <div
              className="campaign-results__chart"
              role="img"
              aria-label={funnel.map((step) => `${step.label}: ${step.count} (${step.rate})`).join(', ')}
            >
              <ResponsiveContainer width="100%" height="100%">
                <BarChart data={funnel} layout="vertical" margin={{ top: 4, right: 56, bottom: 4, left: 8 }}>
                  <CartesianGrid horizontal={false} stroke="var(--border)" />
                  <XAxis type="number" allowDecimals={false} stroke="var(--text-muted)" fontSize={12} />
                  <YAxis type="category" dataKey="label" width={84} stroke="var(--text-muted)" fontSize={13} />
                  <Bar dataKey="count" fill="var(--accent)" radius={[0, 4, 4, 0]} isAnimationActive={false}>
                    <LabelList dataKey="rate" position="right" fill="var(--text)" fontSize={12} />
                  </Bar>
                </BarChart>
              </ResponsiveContainer>
            </div>
          )}
        </section>
        <section className="campaign-results__card" aria-labelledby="figures-title">
          <h2 id="figures-title">Figures</h2>
          <dl className="campaign-results__figures">
            {results.byStatus.map((entry) => (
              <div key={entry.status} className="campaign-results__pair">
                <dt>{memberStatusLabels[entry.status]}</dt>
                <dd>
                  {entry.count.toLocaleString()} <span className="campaigns__muted">({rateText(entry.ofMembers)})</span>
                </dd>
              </div>
            ))}
            <dt>Deals won</dt>
            <dd>
              {results.dealsWon.length === 0
                ? 'None yet'
                : results.dealsWon
                    .map((won) => `${won.deals.toLocaleString()} · ${formatMoney(won.valueMinor, won.currency)}`)
                    .join(', ')}
            </dd>
            <dt>Budget</dt>
            <dd>{budgetText(results)}</dd>
            <dt>Cost per conversion</dt>
            <dd>
              {results.costPerConversionMinor !== null
                ? formatMoney(results.costPerConversionMinor, results.currency)
                : results.budgetMinor === null
                  ? 'Set a budget to see it'
                  : 'No conversions yet'}
            </dd>
          </dl>
        </section>
      </div>
    </>
  );
}
