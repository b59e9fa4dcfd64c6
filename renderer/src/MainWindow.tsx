import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { onEvent } from './api';
import { Sidebar } from './components/Sidebar';
import { useToast } from './components/Toast';
import { BackupFailedBanner } from './features/backups/BackupFailedBanner';
import { BackupsScreen } from './features/backups/BackupsScreen';
import { RestoredBanner } from './features/backups/RestoredBanner';
import { CampaignsScreen } from './features/campaigns/CampaignsScreen';
import { CompaniesScreen } from './features/companies/CompaniesScreen';
import { ContactsScreen } from './features/contacts/ContactsScreen';
import { DashboardScreen } from './features/dashboard/DashboardScreen';
import { DealsScreen } from './features/deals/DealsScreen';
import { DuplicatesScreen } from './features/duplicates/DuplicatesScreen';
import { ProblemBoundary } from './features/help/ProblemBoundary';
import { ImportProvider } from './features/import/ImportProvider';
import { CommandPalette } from './features/palette/CommandPalette';
import { PaletteButton } from './features/palette/PaletteButton';
import { PaletteProvider } from './features/palette/PaletteProvider';
import { SegmentsScreen } from './features/segments/SegmentsScreen';
import { SettingsScreen } from './features/settings/SettingsScreen';
import { TodayScreen } from './features/today/TodayScreen';
import { TrashScreen } from './features/trash/TrashScreen';
import { UpdatedNotice } from './features/updates/UpdatedNotice';
import { UpdateReadyNotice } from './features/updates/UpdateReadyNotice';
import { FirstRunProvider } from './features/welcome/FirstRunProvider';
import { SampleDataBanner } from './features/welcome/SampleDataBanner';
import { useFirstScreen } from './features/dashboard/useFirstScreen';
import { useLeaveGuard } from './lib/unsavedContext';
import { listPlace, NavigationContext, type Navigation, type PendingRequest, type ScreenRequest } from './navigation';
import { sections, tools, type Place } from './sections';
import './MainWindow.css';

interface MainWindowProps {
  version: string;
  /** Changes when the data is replaced: every screen is rebuilt, so no list or open record shows the old data. */
  generation: number;
}

function screenFor(place: Place): ReactNode {
  switch (place) {
    case 'contacts':
      return <ContactsScreen />;
    case 'companies':
      return <CompaniesScreen />;
    case 'deals':
      return <DealsScreen />;
    case 'today':
      return <TodayScreen />;
    case 'backups':
      return <BackupsScreen />;
    case 'duplicates':
      return <DuplicatesScreen />;
    case 'trash':
      return <TrashScreen />;
    case 'settings':
      return <SettingsScreen />;
    case 'dashboard':
      return <DashboardScreen />;
    case 'campaigns':
      return <CampaignsScreen />;
    case 'segments':
      return <SegmentsScreen />;
  }
}

/** The window in normal use, once it knows which screen comes first: the Dashboard when there is data, else Contacts. */
export function MainWindow(props: MainWindowProps) {
  const first = useFirstScreen();
  return first && <OpenWindow {...props} first={first} />;
}

/** The window in normal use: app-wide banners across the top; the sidebar and the chosen screen below; the command palette over all. */
function OpenWindow({ version, generation, first }: MainWindowProps & { first: Place }) {
  const [current, setCurrent] = useState<Place>(first);
  const [pending, setPending] = useState<PendingRequest | null>(null);

  const confirmLeave = useLeaveGuard();
  // The place shown, read by `go` without giving it a new identity on every navigation.
  const shown = useRef(current);
  useLayoutEffect(() => {
    shown.current = current;
  });

  // Another screen replaces whatever is being edited, so it asks first; a request to the screen
  // already shown is the screen's own business (its panel asks when it would replace the record).
  const go = useCallback(
    async (place: Place, request?: ScreenRequest) => {
      if (place !== shown.current && !(await confirmLeave())) return;
      setCurrent(place);
      setPending((previous) => (request ? { place, request, seq: (previous?.seq ?? 0) + 1 } : null));
    },
    [confirmLeave],
  );
  const done = useCallback((seq: number) => setPending((previous) => (previous?.seq === seq ? null : previous)), []);
  const navigation = useMemo<Navigation>(() => ({ current, go, pending, done }), [current, go, pending, done]);

  // The core's thread was restarted after a problem: nothing saved is lost, but a save in flight may need checking.
  const showToast = useToast();
  useEffect(() => onEvent('core.restarted', ({ message }) => showToast(message, 'problem')), [showToast]);

  useEffect(
    () =>
      onEvent('menu.command', ({ command }) => {
        // A dialog (the import under way, say) has the user's attention: a menu command must not switch screens behind it.
        if (document.getElementById('root')?.hasAttribute('inert')) return;
        // The backup and import commands open their own dialogs (BackupsProvider, ImportProvider); New Contact and Find bring Contacts forward; Export List… asks the list on screen.
        if (command === 'new-contact') void go('contacts', { type: 'new' });
        else if (command === 'focus-search') void go('contacts', { type: 'search' });
        else if (command === 'export-list') void go(listPlace(shown.current), { type: 'export' });
      }),
    [go, shown],
  );

  return (
    <NavigationContext.Provider value={navigation}>
      <ImportProvider>
        <FirstRunProvider>
          <PaletteProvider>
            <div className="main-window">
              <BackupFailedBanner />
              <RestoredBanner />
              <UpdatedNotice />
              <UpdateReadyNotice />
              <SampleDataBanner />
              <div className="app">
                <Sidebar
                  sections={sections}
                  tools={tools}
                  current={current}
                  onSelect={(place) => void go(place)}
                  version={version}
                  search={<PaletteButton />}
                />
                <div className="app__screen" key={generation}>
                  <ProblemBoundary resetKey={current}>{screenFor(current)}</ProblemBoundary>
                </div>
              </div>
              <CommandPalette key={generation} />
            </div>
          </PaletteProvider>
        </FirstRunProvider>
      </ImportProvider>
    </NavigationContext.Provider>
  );
}
