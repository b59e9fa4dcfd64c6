import { useCallback, useEffect, useState } from 'react';
import { onEvent } from './api';
import { ComingSoon } from './components/ComingSoon';
import { Sidebar } from './components/Sidebar';
import { BackupFailedBanner } from './features/backups/BackupFailedBanner';
import { BackupsScreen } from './features/backups/BackupsScreen';
import { RestoredBanner } from './features/backups/RestoredBanner';
import { CompaniesScreen } from './features/companies/CompaniesScreen';
import { ContactsScreen, type ContactCommand } from './features/contacts/ContactsScreen';
import { SettingsScreen } from './features/settings/SettingsScreen';
import { sections, type SectionId } from './sections';
import './MainWindow.css';

interface MainWindowProps {
  version: string;
  /** Changes when the data is replaced: every screen is rebuilt, so no list or open record shows the old data. */
  generation: number;
}

/** The window in normal use: app-wide banners across the top; the sidebar and the chosen section (or Settings) below. */
export function MainWindow({ version, generation }: MainWindowProps) {
  const [current, setCurrent] = useState<SectionId | 'settings'>('contacts');
  const [command, setCommand] = useState<{ name: ContactCommand; seq: number } | null>(null);

  useEffect(
    () =>
      onEvent('menu.command', ({ command: name }) => {
        // The backup commands open their own dialogs (BackupsProvider); these two are about contacts, so they bring Contacts forward.
        if (name !== 'new-contact' && name !== 'focus-search') return;
        setCurrent('contacts');
        setCommand((previous) => ({ name, seq: (previous?.seq ?? 0) + 1 }));
      }),
    [],
  );

  const commandHandled = useCallback(() => setCommand(null), []);
  const section = sections.find((candidate) => candidate.id === current);

  let screen;
  if (current === 'settings') screen = <SettingsScreen />;
  else if (current === 'backups') screen = <BackupsScreen />;
  else if (current === 'companies') screen = <CompaniesScreen />;
  else if (!section || section.ready) screen = <ContactsScreen command={command} onCommandHandled={commandHandled} />;
  else screen = <ComingSoon section={section} onBack={() => setCurrent('contacts')} />;

  return (
    <div className="main-window">
      <BackupFailedBanner />
      <RestoredBanner />
      <div className="app">
        <Sidebar sections={sections} current={current} onSelect={setCurrent} onOpenSettings={() => setCurrent('settings')} version={version} />
        <div className="app__screen" key={generation}>
          {screen}
        </div>
      </div>
    </div>
  );
}
