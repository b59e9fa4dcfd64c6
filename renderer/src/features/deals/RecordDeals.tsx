import { useCallback } from 'react';
import type { DealSummary } from '../../../../shared/schemas/deal';
import { invoke } from '../../api';
import { Button } from '../../components/Button';
import { countOf } from '../../lib/format';
import { useNavigation } from '../../navigation';
import { LinkedSection } from '../record-panel';
import { formatMoney } from '../../lib/money';
import './RecordDeals.css';
import './StageChip.css';

interface RecordDealsProps {
  /** The company or person whose deals these are. */
  kind: 'company' | 'contact';
  id: number;
}

const shown = 50;
const dealCount = (total: number) => countOf(total, 'deal', 'deals');

/** A company's or a person's deals, for their panel: each opens on the Deals screen; "New deal" starts one linked to them. */
export function RecordDeals({ kind, id }: RecordDealsProps) {
  const { go } = useNavigation();
  const load = useCallback(
    () =>
      invoke('deals.list', {
        ...(kind === 'company' ? { companyId: id } : { contactId: id }),
        sort: 'stage',
        direction: 'asc',
        offset: 0,
        limit: shown,
      }),
    [kind, id],
  );
  return (
    <LinkedSection<DealSummary>
      titleId={`deals-of-${kind}-${id}`}
      title="Deals"
      action={
        <Button size="small" icon="plus" onClick={() => void go('deals', { type: 'new', linkedTo: { kind, id } })}>
          New deal
        </Button>
      }
      load={load}
      count={dealCount}
      what="deals"
      emptyText="No deals yet."
      listLabel="Deals"
      renderRow={(deal) => (
        <button
          type="button"
          className="record-deals__deal"
          onClick={() => void go('deals', { type: 'open', id: deal.id })}
        >
          <span className="record-deals__title">{deal.title}</span>
          <span className={`stage-chip stage-chip--${deal.stageKind}`}>{deal.stageName}</span>
          <span className="record-deals__value">{formatMoney(deal.valueMinor, deal.currency)}</span>
        </button>
      )}
    />
  );
}
