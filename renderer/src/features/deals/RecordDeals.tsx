import { useEffect, useState } from 'react';
import type { DealSummary } from '../../../../shared/schemas/deal';
import { invoke, toCrmError } from '../../api';
import { ErrorBanner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { countOf } from '../../lib/format';
import { useNavigation } from '../../navigation';
import { formatMoney } from './money';
import '../companies/CompanyPanel.css';
import './RecordDeals.css';
import './StageChip.css';

interface RecordDealsProps {
  companyId?: number;
  contactId?: number;
}

const shown = 50;

/** A company's or a person's deals, for their panel: each opens on the Deals screen; "New deal" starts one linked to them. */
export function RecordDeals({ companyId, contactId }: RecordDealsProps) {
  const { go } = useNavigation();
  const [deals, setDeals] = useState<{ rows: DealSummary[]; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    const filter = companyId !== undefined ? { companyId } : contactId !== undefined ? { contactId } : null;
    if (!filter) return;
    invoke('deals.list', { ...filter, sort: 'stage', direction: 'asc', offset: 0, limit: shown }).then(
      (page) => current && setDeals({ rows: page.rows, total: page.total }),
      (thrown: unknown) => current && setError(toCrmError(thrown).message),
    );
    return () => {
      current = false;
    };
  }, [companyId, contactId]);

  const linkedTo = companyId !== undefined ? ({ kind: 'company', id: companyId } as const) : contactId !== undefined ? ({ kind: 'contact', id: contactId } as const) : undefined;
  const titleId = `deals-of-${linkedTo?.kind ?? 'record'}-${linkedTo?.id ?? 0}`;
  return (
    <section className="company-section record-deals" aria-labelledby={titleId}>
      <div className="record-deals__head">
        <h3 id={titleId} className="company-section__title">
          Deals
          {deals && deals.total > 0 && <span className="company-section__count">{countOf(deals.total, 'deal', 'deals')}</span>}
        </h3>
        <Button size="small" icon="plus" onClick={() => go('deals', { type: 'new', ...(linkedTo ? { linkedTo } : {}) })}>
          New deal
        </Button>
      </div>
      {error && <ErrorBanner title="The deals could not be loaded">{error}</ErrorBanner>}
      {deals === null && !error && <p className="company-section__empty">Loading…</p>}
      {deals && deals.total === 0 && <p className="company-section__empty">No deals yet.</p>}
      {deals && deals.rows.length > 0 && (
        <ul className="record-deals__list" aria-label="Deals">
          {deals.rows.map((deal) => (
            <li key={deal.id}>
              <button type="button" className="record-deals__deal" onClick={() => go('deals', { type: 'open', id: deal.id })}>
                <span className="record-deals__title">{deal.title}</span>
                <span className={`stage-chip stage-chip--${deal.stageKind}`}>{deal.stageName}</span>
                <span className="record-deals__value">{formatMoney(deal.valueMinor, deal.currency)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {deals && deals.total > deals.rows.length && (
        <p className="company-section__empty">
          Showing the first {deals.rows.length} of {countOf(deals.total, 'deal', 'deals')}.
        </p>
      )}
    </section>
  );
}
