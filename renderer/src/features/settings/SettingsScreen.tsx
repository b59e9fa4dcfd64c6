import { useId, useState } from 'react';
import { Screen } from '../../components/Screen';
import { ScreenHeader } from '../../components/ScreenHeader';
import { Tabs, tabPanelProps } from '../../components/Tabs';
import { useScreenRequest } from '../../navigation';
import { AttachmentSettings } from './AttachmentSettings';
import { ImportSettings } from '../import';
import { CustomFieldSettings } from './CustomFieldSettings';
import { EmailSettings } from './EmailSettings';
import { LeadSourceSettings } from './LeadSourceSettings';
import { TagSettings } from './TagSettings';
import { UpdateSettings } from './UpdateSettings';
import { ErasureLog } from '../privacy';
import { SampleDataSettings } from '../welcome';
import '../../styles/card.css';
import '../../styles/list.css';
import './SettingsScreen.css';

type SettingsPart =
  'attachments' | 'tags' | 'customFields' | 'leadSources' | 'imports' | 'email' | 'erasures' | 'updates' | 'sampleData';

const parts = [
  { id: 'attachments', label: 'Attachments' },
  { id: 'tags', label: 'Tags' },
  { id: 'customFields', label: 'Custom fields' },
  { id: 'leadSources', label: 'Lead sources' },
  { id: 'imports', label: 'Imports' },
  { id: 'email', label: 'Email' },
  { id: 'erasures', label: 'Erased people' },
  { id: 'updates', label: 'Updates' },
  { id: 'sampleData', label: 'Sample data' },
] as const;

/** Preferences that apply to the whole app, one part at a time: attachments, tags, custom fields, lead sources, the recent imports to undo, and email. */
export function SettingsScreen() {
  const panelId = useId();
  const [part, setPart] = useState<SettingsPart>('attachments');
  useScreenRequest('settings', (request) => {
    if (request.type === 'settingsPart') setPart(request.part);
  });
  return (
    <Screen className="settings" titleId="settings-title">
      <ScreenHeader titleId="settings-title" title="Settings" />
      <Tabs<SettingsPart> label="Settings" tabs={parts} selected={part} onSelect={setPart} panelId={panelId} />
      <div className="settings__body" {...tabPanelProps(panelId, part)}>
        {part === 'attachments' && <AttachmentSettings />}
        {part === 'tags' && <TagSettings />}
        {part === 'customFields' && <CustomFieldSettings />}
        {part === 'leadSources' && <LeadSourceSettings />}
        {part === 'imports' && <ImportSettings />}
        {part === 'email' && <EmailSettings />}
        {part === 'erasures' && <ErasureLog />}
        {part === 'updates' && <UpdateSettings />}
        {part === 'sampleData' && <SampleDataSettings />}
      </div>
    </Screen>
  );
}
