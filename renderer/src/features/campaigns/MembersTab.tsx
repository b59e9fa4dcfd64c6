import { useState } from 'react';
import type { Campaign, ReportImportSummary } from '../../../../shared/schemas/campaign';
import { memberStatuses, memberStatusLabels, type MemberStatus } from '../../../../shared/schemas/marketing';
import { invoke, toCrmError } from '../../api';
import { ErrorBanner } from '../../components/Banner';
import { Button, IconButton } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { Field } from '../../components/Field';
import { ProgressBar } from '../../components/ProgressBar';
import { Select } from '../../components/Select';
import { SelectField } from '../../components/SelectField';
import { useToast } from '../../components/Toast';
import { countOf } from '../../lib/format';
import { useDebouncedValue } from '../../lib/useDebouncedValue';
import { AddFromSegmentDialog } from './AddFromSegmentDialog';
import { AddPeopleDialog } from './AddPeopleDialog';
import { ReportSummaryDialog } from './ReportSummaryDialog';
import { useMembers } from './useMembers';

const statusOptions = memberStatuses.map((status) => ({ value: status, label: memberStatusLabels[status] }));

/** The Members tab: who is in the campaign and how far each got; tick rows to change many at once. */
export function MembersTab({ campaign, onMembersChanged }: { campaign: Campaign; onMembersChanged: () => void }) {
  const showToast = useToast();
  const [searchText, setSearchText] = useState('');
  const search = useDebouncedValue(searchText.trim(), 200);
  const [statusFilter, setStatusFilter] = useState<MemberStatus | null>(null);
  const members = useMembers(campaign.id, statusFilter, search);
  const [ticked, setTicked] = useState<ReadonlySet<number>>(new Set());
  const [bulkStatus, setBulkStatus] = useState<MemberStatus>('sent');
  const [adding, setAdding] = useState(false);
  const [addingSegment, setAddingSegment] = useState(false);
  const [importing, setImporting] = useState(false);
  const [summary, setSummary] = useState<Extract<ReportImportSummary, { chosen: true }> | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const afterChange = async () => {
    await members.reload();
    onMembersChanged();
  };

  /** Runs one change at a time (a double click does it once), then reads the list again. */
  async function act(work: () => Promise<string | null>) {
    if (busy) return;
    setBusy(true);
    setProblem(null);
    try {
      const message = await work();
      if (message) showToast(message);
      await afterChange();
    } catch (error) {
      setProblem(toCrmError(error).message);
    } finally {
      setBusy(false);
    }
  }

  const tick = (contactId: number, on: boolean) =>
    setTicked((current) => {
      const next = new Set(current);
      if (on) next.add(contactId);
      else next.delete(contactId);
      return next;
    });

  const shown = members.rows ?? [];
  const allShownTicked = shown.length > 0 && shown.every((row) => ticked.has(row.contactId));
  const bulkTarget =
    ticked.size > 0
      ? `${countOf(ticked.size, 'person', 'people')} ticked`
      : statusFilter
        ? `All ${members.total.toLocaleString()} with status ${memberStatusLabels[statusFilter]}`
        : null;

  async function importReport() {
    setImporting(true);
    await act(async () => {
      const result = await invoke('campaigns.importReport', { campaignId: campaign.id });
      if (result.chosen) setSummary(result);
      return null;
    });
    setImporting(false);
  }

  return (
    <>
      <div className="campaign-toolbar" role="toolbar" aria-label="Members">
        <div className="campaign-toolbar__search">
          <Field
            id="members-search"
            label="Find a member"
            type="search"
            placeholder="Name or email"
            value={searchText}
            onChange={(event) => setSearchText(event.target.value)}
          />
        </div>
        <SelectField
          id="members-status"
          label="Status"
          value={statusFilter ?? ''}
          options={[{ value: '', label: 'Any status' }, ...statusOptions]}
          onChange={(value) => {
            setStatusFilter(value === '' ? null : (value as MemberStatus));
            setTicked(new Set());
          }}
        />
        <Button icon="userPlus" onClick={() => setAdding(true)}>
          Add people…
        </Button>
        <Button icon="segments" onClick={() => setAddingSegment(true)}>
          Add from segment…
        </Button>
        <Button icon="upload" onClick={() => void importReport()} disabled={busy}>
          Import report…
        </Button>
      </div>
      {importing && (
        <ProgressBar
          label="Reading the report"
          percent={100}
          valueText="Reading the report and matching it to members"
          state="working"
        />
      )}
      {problem && <ErrorBanner>{problem}</ErrorBanner>}
      {members.problem && <ErrorBanner>{members.problem}</ErrorBanner>}
      {bulkTarget && (
        <div className="campaign-bulk" role="group" aria-label="Change many members">
          <span>{bulkTarget}</span>
          <Select
            aria-label="New status"
            value={bulkStatus}
            options={statusOptions}
            onChange={(event) => setBulkStatus(event.target.value as MemberStatus)}
          />
          <Button
            variant="primary"
            disabled={busy}
            onClick={() =>
              void act(async () => {
                const target = ticked.size > 0 ? { contactIds: [...ticked] } : { withStatus: statusFilter! };
                const { changed, unchanged } = await invoke('campaigns.setStatus', {
                  campaignId: campaign.id,
                  status: bulkStatus,
                  ...target,
                });
                setTicked(new Set());
                return `${countOf(changed, 'member', 'members')} now ${memberStatusLabels[bulkStatus]}${unchanged > 0 ? ` (${unchanged.toLocaleString()} already were)` : ''}`;
              })
            }
          >
            Set status
          </Button>
          {ticked.size > 0 && (
            <>
              <Button
                variant="ghost"
                icon="close"
                disabled={busy}
                onClick={() =>
                  void act(async () => {
                    const { removed } = await invoke('campaigns.removeMembers', {
                      campaignId: campaign.id,
                      contactIds: [...ticked],
                    });
                    setTicked(new Set());
                    return `${countOf(removed, 'person', 'people')} removed from the campaign`;
                  })
                }
              >
                Remove from campaign
              </Button>
              <Button variant="subtle" onClick={() => setTicked(new Set())}>
                Clear ticks
              </Button>
            </>
          )}
        </div>
      )}
      {members.rows && members.rows.length === 0 && (
        <EmptyState
          icon="users"
          muted={Boolean(search || statusFilter)}
          title={search || statusFilter ? 'No members match' : 'No members yet'}
          text={
            search || statusFilter
              ? 'Try another name, email or status.'
              : 'Add people by hand, or from a segment. Those who unsubscribed or must not be contacted are left out and counted.'
          }
        />
      )}
      {shown.length > 0 && (
        <div className="campaigns__card">
          <table className="campaigns__table" aria-label="Members">
            <thead>
              <tr>
                <th scope="col">
                  <input
                    type="checkbox"
                    aria-label="Tick every member shown"
                    checked={allShownTicked}
                    onChange={(event) =>
                      setTicked(event.target.checked ? new Set(shown.map((row) => row.contactId)) : new Set())
                    }
                  />
                </th>
                <th scope="col">Name</th>
                <th scope="col" className="campaigns__hide-narrow">
                  Company
                </th>
                <th scope="col">Status</th>
                <th scope="col" className="campaigns__number">
                  <span className="campaigns__muted">{countOf(members.total, 'member', 'members')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((member) => (
                <tr key={member.contactId} aria-selected={ticked.has(member.contactId)}>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`Tick ${member.name}`}
                      checked={ticked.has(member.contactId)}
                      onChange={(event) => tick(member.contactId, event.target.checked)}
                    />
                  </td>
                  <td>
                    <div className="campaigns__name">{member.name}</div>
                    {member.email && <div className="campaigns__muted">{member.email}</div>}
                  </td>
                  <td className="campaigns__hide-narrow">{member.companyName}</td>
                  <td>
                    <span className={`status-chip status-chip--${member.status}`}>
                      {memberStatusLabels[member.status]}
                    </span>
                  </td>
                  <td>
                    <div className="campaign-members__actions">
                      <Select
                        aria-label={`Status of ${member.name}`}
                        value={member.status}
                        options={statusOptions}
                        disabled={busy}
                        onChange={(event) => {
                          const status = event.target.value as MemberStatus;
                          void act(async () => {
                            await invoke('campaigns.setStatus', {
                              campaignId: campaign.id,
                              contactIds: [member.contactId],
                              status,
                            });
                            return `${member.name} now ${memberStatusLabels[status]}`;
                          });
                        }}
                      />
                      <IconButton
                        icon="mail"
                        label={`Record unsubscribe reply from ${member.name}`}
                        disabled={busy || member.status === 'unsubscribed'}
                        onClick={() =>
                          void act(async () => {
                            const done = await invoke('campaigns.recordUnsubscribe', {
                              campaignId: campaign.id,
                              contactId: member.contactId,
                            });
                            return done.consentChanged
                              ? `${member.name} unsubscribed: they will not be contacted again`
                              : `${member.name} marked unsubscribed`;
                          })
                        }
                      />
                      <IconButton
                        icon="close"
                        label={`Remove ${member.name} from the campaign`}
                        disabled={busy}
                        onClick={() =>
                          void act(async () => {
                            await invoke('campaigns.removeMembers', {
                              campaignId: campaign.id,
                              contactIds: [member.contactId],
                            });
                            tick(member.contactId, false);
                            return `${member.name} removed from the campaign`;
                          })
                        }
                      />
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {shown.length < members.total && (
            <div className="campaign-members__more">
              <Button onClick={members.showMore}>
                Show more ({(members.total - shown.length).toLocaleString()} left)
              </Button>
            </div>
          )}
        </div>
      )}
      {adding && (
        <AddPeopleDialog
          campaign={campaign}
          onCancel={() => setAdding(false)}
          onAdded={(message) => {
            setAdding(false);
            showToast(message);
            void afterChange();
          }}
        />
      )}
      {addingSegment && (
        <AddFromSegmentDialog
          campaign={campaign}
          onCancel={() => setAddingSegment(false)}
          onAdded={(message) => {
            setAddingSegment(false);
            showToast(message);
            void afterChange();
          }}
        />
      )}
      {summary && <ReportSummaryDialog summary={summary} onClose={() => setSummary(null)} />}
    </>
  );
}
