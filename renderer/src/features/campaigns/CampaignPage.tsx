import { useCallback, useEffect, useState } from 'react';
import type { Campaign } from '../../../../shared/schemas/campaign';
import { invoke, toCrmError } from '../../api';
import { ErrorBanner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { Screen } from '../../components/Screen';
import { ScreenHeader } from '../../components/ScreenHeader';
import { Tabs, tabPanelProps } from '../../components/Tabs';
import { useToast } from '../../components/Toast';
import { countOf } from '../../lib/format';
import { useLeaveGuard } from '../../lib/unsavedContext';
import { CampaignSending } from '../sending';
import { CampaignMessage } from '../templates';
import { CampaignDialog } from './CampaignDialog';
import { budgetText, channelLabels, datesText, phaseText } from './campaignWords';
import { MembersTab } from './MembersTab';
import { ResultsTab } from './ResultsTab';

type TabId = 'members' | 'message' | 'sending' | 'results';
const allTabs: ReadonlyArray<{ id: TabId; label: string }> = [
  { id: 'members', label: 'Members' },
  { id: 'message', label: 'Message' },
  { id: 'sending', label: 'Sending' },
  { id: 'results', label: 'Results' },
];
/** Only an email campaign is sent from Rolodesk; a phone, event or letter campaign has no Sending tab. */
const tabsFor = (campaign: Campaign | null) =>
  allTabs.filter((tab) => tab.id !== 'sending' || campaign?.channel === 'email');

/** One campaign: what it is, and its members, message and results in tabs. */
export function CampaignPage({ campaignId, onBack }: { campaignId: number; onBack: () => void }) {
  const showToast = useToast();
  const [campaign, setCampaign] = useState<Campaign | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [tab, setTab] = useState<TabId>('members');
  // A tab or the way back replaces the message being written: ask first, as switching screens does.
  const confirmLeave = useLeaveGuard();
  const showTab = async (next: TabId) => {
    if (await confirmLeave()) setTab(next);
  };
  const goBack = async () => {
    if (await confirmLeave()) onBack();
  };
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState(false);

  const reload = useCallback(
    () =>
      invoke('campaigns.get', { id: campaignId }).then(setCampaign, (error: unknown) =>
        setProblem(toCrmError(error).message),
      ),
    [campaignId],
  );
  useEffect(() => {
    void reload();
  }, [reload]);

  // Rolodesk asks in its own native dialog, naming what goes; the page does not ask again.
  async function remove() {
    if (!campaign || busy) return;
    setBusy(true);
    setProblem(null);
    try {
      const { membersRemoved } = await invoke('campaigns.delete', { id: campaign.id });
      showToast(`“${campaign.name}” deleted, with ${countOf(membersRemoved, 'member', 'members')}`);
      onBack();
    } catch (thrown) {
      const error = toCrmError(thrown);
      // "No" in that dialog: nothing changed, and that is no problem to show.
      if (error.code !== 'CANCELLED') setProblem(error.message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Screen className="campaigns campaign-page" titleId="campaign-title">
      <div className="campaign-page__head">
        <Button variant="subtle" icon="chevronLeft" onClick={() => void goBack()}>
          All campaigns
        </Button>
      </div>
      <ScreenHeader titleId="campaign-title" title={campaign?.name ?? 'Campaign'}>
        {campaign && (
          <div className="campaigns__header-actions">
            <span className={`status-chip status-chip--${campaign.phase}`}>{phaseText(campaign)}</span>
            <Button icon="edit" onClick={() => setEditing(true)}>
              Edit
            </Button>
            <Button variant="ghost" icon="trash" aria-disabled={busy} onClick={() => void remove()}>
              Delete
            </Button>
          </div>
        )}
      </ScreenHeader>
      {problem && <ErrorBanner>{problem}</ErrorBanner>}
      {campaign && (
        <>
          <dl className="campaign-page__facts">
            <div>
              <dt>Channel</dt>
              <dd>{channelLabels[campaign.channel]}</dd>
            </div>
            <div>
              <dt>Dates</dt>
              <dd>{datesText(campaign)}</dd>
            </div>
            {campaign.owner && (
              <div>
                <dt>Owner</dt>
                <dd>{campaign.owner}</dd>
              </div>
            )}
            <div>
              <dt>Budget</dt>
              <dd>{budgetText(campaign)}</dd>
            </div>
            {campaign.goal && (
              <div>
                <dt>Goal</dt>
                <dd>{campaign.goal}</dd>
              </div>
            )}
          </dl>
          <Tabs<TabId>
            label="Campaign"
            tabs={tabsFor(campaign)}
            selected={tab}
            onSelect={(next) => void showTab(next)}
            panelId="campaign-panel"
          />
          <div className="campaign-page__panel" {...tabPanelProps('campaign-panel', tab)}>
            {tab === 'members' && <MembersTab campaign={campaign} onMembersChanged={() => void reload()} />}
            {tab === 'message' && <CampaignMessage campaignId={campaign.id} channel={campaign.channel} />}
            {tab === 'sending' && <CampaignSending campaignId={campaign.id} />}
            {tab === 'results' && <ResultsTab campaign={campaign} />}
          </div>
        </>
      )}
      {editing && campaign && (
        <CampaignDialog
          campaign={campaign}
          onCancel={() => setEditing(false)}
          onSaved={(saved) => {
            setEditing(false);
            setCampaign(saved);
            showToast('Campaign saved');
          }}
        />
      )}
    </Screen>
  );
}
