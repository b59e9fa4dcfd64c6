import { useEffect, useState } from 'react';
import type { UpdateNotice } from '../../../../shared/schemas/update';
import { invoke } from '../../api';
import { Button } from '../../components/Button';
import { WindowBanner } from '../../components/WindowBanner';
import { useNavigation } from '../../navigation';

/** "a, b and c" */
function inSentence(changes: readonly string[]): string {
  if (changes.length <= 1) return changes.join('');
  return `${changes.slice(0, -1).join('; ')}; and ${changes.at(-1)}`;
}

/** After the first start of a new version that changed how the data is stored: what it did, once, until closed. */
export function UpdatedNotice() {
  const [notice, setNotice] = useState<UpdateNotice | null>(null);
  const navigation = useNavigation();

  useEffect(() => {
    let current = true;
    // Nothing to show is no failure: the notice is news, never a blocker.
    invoke('updates.notice', {}).then(
      (answer) => current && setNotice(answer.notice),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, []);

  if (!notice) return null;
  const dismiss = () => {
    setNotice(null);
    void invoke('updates.dismissNotice', {}).catch(() => undefined);
  };
  return (
    <WindowBanner
      tone="info"
      icon="check"
      title={`Rolodesk was updated to ${notice.version}`}
      actions={
        notice.snapshotId && (
          <Button size="small" onClick={() => void navigation.go('backups')}>
            Show backups
          </Button>
        )
      }
      onDismiss={dismiss}
    >
      Your data was brought up to date: {inSentence(notice.changes)}.
      {notice.snapshotId && ' A snapshot from before the update is in Backups.'}
    </WindowBanner>
  );
}
