import { formatMinor } from '../../../../shared/currency';
import type { Dashboard } from '../../../../shared/schemas/dashboard';
import { dayName, percentText, plural } from './dashboardWords';

/** Win rate and the average won deal over the last 12 months: two figures, with what they come from beneath. */
export function WinRateFigures({ winRate, currency }: { winRate: Dashboard['winRate']; currency: string | undefined }) {
  const average = winRate.averageWon.find((amount) => amount.currency === currency);
  const since = dayName(new Date(winRate.since));
  return (
    <section className="chart-card chart-card--figures" aria-labelledby="win-rate-title">
      <header className="chart-card__header">
        <h2 id="win-rate-title" className="chart-card__title">
          Last 12 months
        </h2>
      </header>
      <dl className="figure-pair">
        <div className="figure-pair__item">
          <dt>Win rate</dt>
          <dd className="figure-pair__value">{winRate.rate === null ? '–' : percentText(winRate.rate)}</dd>
          <dd className="figure-pair__detail">
            {winRate.rate === null
              ? 'No deal was won or lost yet.'
              : `${plural(winRate.won, 'deal', 'deals')} won, ${winRate.lost} lost`}
          </dd>
        </div>
        <div className="figure-pair__item">
          <dt>Average deal size</dt>
          <dd className="figure-pair__value">
            {average && currency ? formatMinor(average.valueMinor, currency) : '–'}
          </dd>
          <dd className="figure-pair__detail">
            {average ? `The average won deal in ${currency}` : `No deal in ${currency ?? 'any currency'} was won.`}
          </dd>
        </div>
      </dl>
      <p className="chart-card__caption">
        Deals won or lost since {since}, by the day they closed: won ÷ (won + lost), in every currency.
      </p>
    </section>
  );
}
