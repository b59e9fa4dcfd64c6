import { useState } from 'react';
import { ErrorBanner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { Screen } from '../../components/Screen';
import { ScreenHeader } from '../../components/ScreenHeader';
import { countOf } from '../../lib/format';
import { CampaignDialog } from './CampaignDialog';
import { channelLabels, datesText, phaseText } from './campaignWords';
import { useCampaigns } from './useCampaigns';

/** The campaigns, newest first: name, channel, dates, members and where each stands. */
export function CampaignList({ onOpen }: { onOpen: (id: number) => void }) {
  const { campaigns, problem, reload } = useCampaigns();
  const [creating, setCreating] = useState(false);

  return (
    <Screen className="campaigns" titleId="campaigns-title">
      <ScreenHeader titleId="campaigns-title" title="Campaigns">
        <div className="campaigns__header-actions">
          {campaigns && campaigns.length > 0 && (
            <span className="campaigns__muted">{countOf(campaigns.length, 'campaign', 'campaigns')}</span>
          )}
          <Button variant="primary" icon="plus" onClick={() => setCreating(true)}>
            New campaign
          </Button>
        </div>
      </ScreenHeader>
      {problem && <ErrorBanner>{problem}</ErrorBanner>}
      {campaigns && campaigns.length === 0 && (
        <EmptyState
          icon="campaigns"
          title="No campaigns yet"
          text="A campaign reaches a group of people (by email, phone, an event or a letter) and shows who opened, replied and converted."
          action={
            <Button variant="primary" icon="plus" onClick={() => setCreating(true)}>
              New campaign
            </Button>
          }
        />
      )}
      {campaigns && campaigns.length > 0 && (
        <div className="campaigns__card">
          <table className="campaigns__table" aria-label="Campaigns">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Channel</th>
                <th scope="col" className="campaigns__hide-narrow">
                  Dates
                </th>
                <th scope="col" className="campaigns__number">
                  Members
                </th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {campaigns.map((campaign) => (
                <tr key={campaign.id}>
                  <td>
                    <button type="button" className="campaigns__link" onClick={() => onOpen(campaign.id)}>
                      {campaign.name}
                    </button>
                  </td>
                  <td>{channelLabels[campaign.channel]}</td>
                  <td className="campaigns__hide-narrow">{datesText(campaign)}</td>
                  <td className="campaigns__number">{campaign.members.toLocaleString()}</td>
                  <td>
                    <span className={`status-chip status-chip--${campaign.phase}`}>{phaseText(campaign)}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {creating && (
        <CampaignDialog
          campaign={null}
          onCancel={() => setCreating(false)}
          onSaved={(saved) => {
            setCreating(false);
            void reload();
            onOpen(saved.id);
          }}
        />
      )}
    </Screen>
  );
}
