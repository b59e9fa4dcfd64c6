import { useEffect, useState } from 'react';
import { invoke, onEvent, toCrmError } from '../../api';
import { Button } from '../../components/Button';
import { WindowBanner } from '../../components/WindowBanner';
import { useLeaveGuard } from '../../lib/unsavedContext';

type Restart = { state: 'offered' } | { state: 'preparing' } | { state: 'failed'; message: string };

/**
 * A quiet strip once an update is downloaded and checked: the user chooses
 * when to restart. Restarting backs the data up first and waits for an import
 * or a sending in progress; if the backup fails, nothing is installed and the
 * strip says why.
 */
export function UpdateReadyNotice() {
  const [version, setVersion] = useState<string | undefined>();
  const [restart, setRestart] = useState<Restart>({ state: 'offered' });
  const confirmLeave = useLeaveGuard();

  useEffect(
    () =>
      onEvent('updates.ready', (ready) => {
        setVersion(ready.version);
        setRestart({ state: 'offered' });
      }),
    [],
  );

  if (!version) return null;
  const preparing = restart.state === 'preparing';

  async function restartToUpdate() {
    if (preparing) return;
    // Restarting closes the window: typing not saved yet is saved or discarded first, as the user says.
    if (!(await confirmLeave())) return;
    setRestart({ state: 'preparing' });
    try {
      await invoke('updates.restart', {});
    } catch (thrown) {
      setRestart({ state: 'failed', message: toCrmError(thrown).message });
    }
  }

  return (
    <WindowBanner
      tone={restart.state === 'failed' ? 'danger' : 'info'}
      icon="download"
      title={`Rolodesk ${version} is ready`}
      actions={
        // aria-disabled, not disabled, while preparing: a disabled button drops keyboard focus.
        <Button size="small" variant="primary" aria-disabled={preparing} onClick={() => void restartToUpdate()}>
          {preparing ? 'Backing up…' : 'Restart to update'}
        </Button>
      }
      onDismiss={preparing ? undefined : () => setVersion(undefined)}
    >
      {restart.state === 'failed'
        ? restart.message
        : preparing
          ? 'Rolodesk is backing up your data first (and waits for an import or sending in progress to finish), then restarts.'
          : 'Restart when it suits you. Rolodesk backs up your data first.'}
    </WindowBanner>
  );
}
