// First, before any schema is used (as the app's main.tsx).
import '../../../renderer/src/lib/zodWithoutEval';
import '../../../renderer/src/styles/theme.css';
import '../../../renderer/src/styles/base.css';
// In the app, fields' styles load before the select's (which narrows their padding for its chevron): kept in that order here.
import '../../../renderer/src/components/Field.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ToastProvider } from '../../../renderer/src/components/Toast';
import { CampaignMessage } from '../../../renderer/src/features/templates/CampaignMessage';
import './harness.css';

const root = document.getElementById('root');
if (!root) throw new Error('no #root element');
const campaignId = Number(new URLSearchParams(location.search).get('campaign'));

createRoot(root).render(
  <StrictMode>
    <ToastProvider>
      <main className="harness">
        <h1 className="harness__title">Campaign message</h1>
        <CampaignMessage campaignId={campaignId} channel="email" />
      </main>
    </ToastProvider>
  </StrictMode>,
);
