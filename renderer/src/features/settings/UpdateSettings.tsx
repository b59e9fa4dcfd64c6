import { useEffect, useState } from 'react';
import { invoke, toCrmError } from '../../api';
import { ErrorBanner } from '../../components/Banner';
import { useToast } from '../../components/Toast';
import './UpdateSettings.css';

type Load =
  { state: 'loading' } | { state: 'ready'; checkAutomatically: boolean } | { state: 'failed'; message: string };

/** Settings › Updates: whether Rolodesk looks for new versions by itself. Saved as soon as it is ticked. */
export function UpdateSettings() {
  const showToast = useToast();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | undefined>();

  useEffect(() => {
    let current = true;
    invoke('updates.settings', {}).then(
      (settings) => current && setLoad({ state: 'ready', checkAutomatically: settings.checkAutomatically }),
      (thrown: unknown) => current && setLoad({ state: 'failed', message: toCrmError(thrown).message }),
    );
    return () => {
      current = false;
    };
  }, []);

  async function save(checkAutomatically: boolean) {
    if (saving) return;
    setSaving(true);
    setError(undefined);
    // The box shows the choice at once; should saving fail, it goes back to what is stored and says why.
    setLoad({ state: 'ready', checkAutomatically });
    try {
      const saved = await invoke('updates.updateSettings', { checkAutomatically });
      setLoad({ state: 'ready', checkAutomatically: saved.checkAutomatically });
      showToast('Settings saved');
    } catch (thrown) {
      setLoad({ state: 'ready', checkAutomatically: !checkAutomatically });
      setError(toCrmError(thrown).message);
    } finally {
      setSaving(false);
    }
  }

  if (load.state === 'failed') return <ErrorBanner title="Settings could not be loaded">{load.message}</ErrorBanner>;
  if (load.state === 'loading') return <p className="settings__loading">Loading settings…</p>;
  return (
    <section className="card settings-card" aria-labelledby="settings-updates">
      <div className="settings-card__intro">
        <h2 id="settings-updates" className="card__title">
          Updates
        </h2>
        <p className="card__text">
          Rolodesk looks for a new version a minute after it starts and every 6 hours, and downloads it in the
          background. It is installed only when you choose “Restart to update”, after your data is backed up.
        </p>
      </div>
      <label className="update-settings__check">
        <input
          type="checkbox"
          checked={load.checkAutomatically}
          aria-describedby="settings-updates-note"
          onChange={(event) => void save(event.target.checked)}
        />
        <span>Check for updates automatically</span>
      </label>
      <p id="settings-updates-note" className="update-settings__note">
        {load.checkAutomatically
          ? 'You can also look at any time with Check for Updates… in the Help menu.'
          : 'Rolodesk looks only when you choose Check for Updates… in the Help menu.'}
      </p>
      {error && <ErrorBanner title="The setting was not saved">{error}</ErrorBanner>}
    </section>
  );
}
