import { useId, useState, type ReactNode } from 'react';
import { Button } from '../../components/Button';
import { FigureTable, type Figures } from './FigureTable';

interface ChartCardProps {
  title: string;
  /** What the figures count and how: under the chart, in words. */
  caption: ReactNode;
  /** The chart's figures; null when there is no chart to switch from (a card that says there is nothing yet). */
  figures: Figures | null;
  /** The chart itself, or the words that stand in for it. */
  children: ReactNode;
}

/** One card of the dashboard: a titled chart, its caption, and a Table button that shows the same figures as a table. */
export function ChartCard({ title, caption, figures, children }: ChartCardProps) {
  const titleId = useId();
  const [asTable, setAsTable] = useState(false);
  return (
    <section className="chart-card" aria-labelledby={titleId}>
      <header className="chart-card__header">
        <h2 id={titleId} className="chart-card__title">
          {title}
        </h2>
        {figures && (
          <Button
            size="small"
            icon={asTable ? 'board' : 'list'}
            aria-pressed={asTable}
            onClick={() => setAsTable((shown) => !shown)}
          >
            Table
          </Button>
        )}
      </header>
      {figures && asTable ? (
        <FigureTable caption={title} figures={figures} />
      ) : (
        <div className="chart-card__chart">{children}</div>
      )}
      <p className="chart-card__caption">{caption}</p>
    </section>
  );
}
