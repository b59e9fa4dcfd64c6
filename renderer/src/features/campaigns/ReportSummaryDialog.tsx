import { useRef } from 'react';
import type { ReportImportSummary } from '../../../../shared/schemas/campaign';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { countOf } from '../../lib/format';

type Summary = Extract<ReportImportSummary, { chosen: true }>;

/** What a report import did, and what it could not match, in words. */
export function ReportSummaryDialog({ summary, onClose }: { summary: Summary; onClose: () => void }) {
  const closeRef = useRef<HTMLButtonElement>(null);
  const { notInCampaign, unknownStatuses } = summary;
  return (
    <Dialog
      title="Report imported"
      description={`${summary.fileName}: ${countOf(summary.rows, 'row', 'rows')} read.`}
      onCancel={onClose}
      initialFocus={closeRef}
      size="medium"
    >
      <ul className="campaign-summary">
        <li>{countOf(summary.updated, 'member', 'members')} updated.</li>
        {summary.alreadySo > 0 && <li>{countOf(summary.alreadySo, 'member', 'members')} already had that status.</li>}
        {summary.keptFurtherAlong > 0 && (
          <li>
            {countOf(summary.keptFurtherAlong, 'member was', 'members were')} further along than the report says and
            kept their status (a report never moves a status back).
          </li>
        )}
        {summary.consentUnsubscribed > 0 && (
          <li>
            {countOf(summary.consentUnsubscribed, 'person', 'people')} unsubscribed: they will not be contacted again.
          </li>
        )}
        {notInCampaign.count > 0 && (
          <li>
            {countOf(notInCampaign.count, 'row names', 'rows name')} an email not in this campaign
            {notInCampaign.count > notInCampaign.first.length ? ` (the first ${notInCampaign.first.length})` : ''}:{' '}
            {notInCampaign.first.join(', ')}.
          </li>
        )}
        {unknownStatuses.count > 0 && (
          <li>
            {countOf(unknownStatuses.count, 'row has', 'rows have')} a status Rolodesk does not know:{' '}
            {unknownStatuses.values.map((value) => `“${value}”`).join(', ')}.
          </li>
        )}
        {summary.rowsWithoutEmail > 0 && (
          <li>{countOf(summary.rowsWithoutEmail, 'row has', 'rows have')} no email address.</li>
        )}
      </ul>
      <div className="dialog__actions">
        <Button ref={closeRef} variant="primary" onClick={onClose}>
          Done
        </Button>
      </div>
    </Dialog>
  );
}
