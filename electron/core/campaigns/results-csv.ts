import { rename, rm } from 'node:fs/promises';
import { minorDigits } from '../../../shared/currency';
import { funnelStepLabels, type CampaignResults } from '../../../shared/schemas/campaign';
import { memberStatusLabels } from '../../../shared/schemas/marketing';
import type { Column } from '../export/columns';
import { csvWriter } from '../export/csv-writer';
import { partialPathFor } from '../export/file-names';

/** One line of the results file: what is counted, how many, its share, and an amount where there is one. */
interface ResultLine {
  campaign: string;
  section: string;
  measure: string;
  count: number | null;
  percent: number | null;
  amount: number | null;
  currency: string | null;
}

const columns: Array<Column<ResultLine>> = [
  { title: 'Campaign', value: (line) => line.campaign },
  { title: 'Section', value: (line) => line.section },
  { title: 'Measure', value: (line) => line.measure },
  { title: 'Count', value: (line) => line.count },
  { title: 'Percent', value: (line) => line.percent },
  { title: 'Amount', value: (line) => line.amount },
  { title: 'Currency', value: (line) => line.currency },
];

const percent = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10);
const major = (minor: number, currency: string) => minor / 10 ** minorDigits(currency);

/** Everything the Results tab shows, as lines: the funnel, the statuses now, deals won, budget and cost per conversion. */
export function resultLines(campaign: string, results: CampaignResults): ResultLine[] {
  const none = { campaign, count: null, percent: null, amount: null, currency: null };
  return [
    ...results.funnel.map((step) => ({
      ...none,
      section: 'Funnel',
      measure: funnelStepLabels[step.step],
      count: step.count,
      percent: percent(step.ofMembers),
    })),
    ...results.byStatus.map((entry) => ({
      ...none,
      section: 'Status now',
      measure: memberStatusLabels[entry.status],
      count: entry.count,
      percent: percent(entry.ofMembers),
    })),
    ...results.dealsWon.map((won) => ({
      ...none,
      section: 'Deals won',
      measure: `Deals won (${won.currency})`,
      count: won.deals,
      amount: major(won.valueMinor, won.currency),
      currency: won.currency,
    })),
    ...(results.budgetMinor === null
      ? []
      : [
          {
            ...none,
            section: 'Cost',
            measure: 'Budget',
            amount: major(results.budgetMinor, results.currency),
            currency: results.currency,
          },
        ]),
    ...(results.costPerConversionMinor === null
      ? []
      : [
          {
            ...none,
            section: 'Cost',
            measure: 'Cost per conversion',
            amount: major(results.costPerConversionMinor, results.currency),
            currency: results.currency,
          },
        ]),
  ];
}

/** Writes the lines beside `destination` and renames the finished file into place, so a failed write leaves nothing half-written there. */
export async function writeResultsCsv(destination: string, campaign: string, results: CampaignResults): Promise<void> {
  const partial = partialPathFor(destination);
  await rm(partial, { force: true });
  const file = await csvWriter(partial, columns, ',');
  try {
    await file.add(resultLines(campaign, results));
    await file.finish();
  } catch (error) {
    await file.abandon();
    await rm(partial, { force: true });
    throw error;
  }
  await rename(partial, destination);
}
