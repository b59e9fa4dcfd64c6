import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { SampleDataStatus } from '../../../../shared/schemas/sample-data';
import { invoke, onEvent, toCrmError } from '../../api';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useToast } from '../../components/Toast';
import { SampleDataContext, type SampleData, type SampleKind } from './sampleDataContext';
import { WelcomeDialog } from './WelcomeDialog';
import { removalQuestion, removedWords } from './sampleWords';

/**
 * The first run: the welcome on a new data folder (asked once), and the
 * sample data it can add, which the banner, Settings and the lists' "Sample"
 * badges read from here.
 */
export function FirstRunProvider({ children }: { children: ReactNode }) {
  const showToast = useToast();
  const [welcome, setWelcome] = useState(false);
  const [status, setStatus] = useState<SampleDataStatus | null>(null);
  const [asking, setAsking] = useState(false);
  const [removing, setRemoving] = useState(false);

  const reload = useCallback(() => {
    invoke('sampleData.status', {}).then(setStatus, () => undefined);
  }, []);

  useEffect(() => {
    let current = true;
    invoke('welcome.status', {}).then(
      ({ show }) => current && setWelcome(show),
      () => undefined,
    );
    reload();
    return () => {
      current = false;
    };
  }, [reload]);
  // A sample record deleted or restored elsewhere, or a backup restored: the badges and the banner follow.
  useEffect(() => onEvent('records.changed', reload), [reload]);
  useEffect(() => onEvent('data.restored', reload), [reload]);

  const add = useCallback(async () => {
    setStatus(await invoke('sampleData.add', {}));
  }, []);

  const remove = useCallback(async () => {
    setRemoving(true);
    try {
      const { removed } = await invoke('sampleData.remove', {});
      showToast(removedWords(removed));
      setAsking(false);
    } catch (error) {
      showToast(toCrmError(error).message, 'problem');
    } finally {
      setRemoving(false);
      reload();
    }
  }, [reload, showToast]);

  const value = useMemo<SampleData>(() => {
    const sets = status
      ? (Object.fromEntries(Object.entries(status.ids).map(([kind, ids]) => [kind, new Set(ids)])) as Record<
          SampleKind,
          Set<number>
        >)
      : null;
    return { status, isSample: (kind, id) => sets?.[kind].has(id) ?? false, add, askRemove: () => setAsking(true) };
  }, [status, add]);

  const dismissWelcome = useCallback(() => {
    setWelcome(false);
    // Once, even if this fails: the worst case is seeing the welcome again next time.
    invoke('welcome.dismiss', {}).catch(() => undefined);
  }, []);

  return (
    <SampleDataContext.Provider value={value}>
      {children}
      {welcome && <WelcomeDialog onDone={dismissWelcome} />}
      {asking && status && (
        <ConfirmDialog
          title="Remove sample data?"
          message={removalQuestion(status.counts)}
          confirmLabel="Remove Sample Data"
          busy={removing}
          onConfirm={() => void remove()}
          onCancel={() => setAsking(false)}
        />
      )}
    </SampleDataContext.Provider>
  );
}
