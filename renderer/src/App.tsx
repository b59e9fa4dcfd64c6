import { useCallback, useEffect, useState } from 'react';
import { invoke, onEvent } from './api';
import { ComingSoon } from './components/ComingSoon';
import { Sidebar } from './components/Sidebar';
import { ToastProvider } from './components/Toast';
import { ContactsScreen, type MenuCommand } from './features/contacts/ContactsScreen';
import { SettingsScreen } from './features/settings/SettingsScreen';
import { sections, type SectionId } from './sections';
import './App.css';

/** The window: sidebar on the left, the chosen section (or Settings) beside it; menu commands routed to Contacts. */
export function App() {
  const [current, setCurrent] = useState<SectionId | 'settings'>('contacts');
  const [version, setVersion] = useState('');
  const [command, setCommand] = useState<{ name: MenuCommand; seq: number } | null>(null);

  useEffect(() => {
    invoke('app.info', {}).then(
      (info) => setVersion(info.version),
      () => setVersion(''),
    );
  }, []);

  useEffect(
    () =>
      onEvent('menu.command', ({ command: name }) => {
        // Both commands are about contacts, so they bring Contacts forward first.
        setCurrent('contacts');
        setCommand((previous) => ({ name, seq: (previous?.seq ?? 0) + 1 }));
      }),
    [],
  );

  const commandHandled = useCallback(() => setCommand(null), []);
  const section = sections.find((candidate) => candidate.id === current) ?? sections[0];

  return (
    <ToastProvider>
      <div className="app">
        <Sidebar sections={sections} current={current} onSelect={setCurrent} onOpenSettings={() => setCurrent('settings')} version={version} />
        {current === 'settings' ? (
          <SettingsScreen />
        ) : !section || section.ready ? (
          <ContactsScreen command={command} onCommandHandled={commandHandled} />
        ) : (
          <ComingSoon section={section} onBack={() => setCurrent('contacts')} />
        )}
      </div>
    </ToastProvider>
  );
}
