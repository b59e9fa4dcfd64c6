import { ToastProvider } from './components/Toast';
import { BackupsProvider } from './features/backups/BackupsProvider';
import { HelpProvider } from './features/help/HelpProvider';
import { ProblemBoundary } from './features/help/ProblemBoundary';
import { WindowProblems } from './features/help/WindowProblems';
import { RecoveryScreen } from './features/recovery/RecoveryScreen';
import { UnsavedChangesProvider } from './features/unsaved/UnsavedChangesProvider';
import { MainWindow } from './MainWindow';
import { useAppMode } from './useAppMode';
import './App.css';

/**
 * The window: the app, or, while the database is damaged, the recovery
 * screen in its place. Nothing shows until app.info says which, so a
 * damaged start never flashes lists that cannot load.
 */
export function App() {
  const { mode, version, generation } = useAppMode();
  return (
    <ToastProvider>
      <HelpProvider>
        {/* A problem's banner across the top takes its room from the app below, never pushes it out of the window. */}
        <div className="app-frame">
          <WindowProblems />
          <div className="app-frame__content">
            <ProblemBoundary resetKey={`${mode ?? 'starting'}-${generation}`}>
              <UnsavedChangesProvider>
                {mode && (
                  <BackupsProvider mode={mode}>
                    {mode === 'recovery' ? (
                      <div className="app">
                        <RecoveryScreen />
                      </div>
                    ) : (
                      <MainWindow version={version} generation={generation} />
                    )}
                  </BackupsProvider>
                )}
              </UnsavedChangesProvider>
            </ProblemBoundary>
          </div>
        </div>
      </HelpProvider>
    </ToastProvider>
  );
}
