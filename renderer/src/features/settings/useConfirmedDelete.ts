import { useState } from 'react';
import { toCrmError } from '../../api';
import { useToast } from '../../components/Toast';
import { useSubmitOnce } from '../../lib/useSubmitOnce';

/**
 * A delete that asks first: `ask` opens the confirmation, `confirm` deletes,
 * says so in a toast (or why it failed), closes the confirmation and lets the
 * list reload either way, since a failure usually means the item is gone already.
 */
export function useConfirmedDelete(remove: () => Promise<unknown>, doneMessage: string, onChanged: () => void) {
  const showToast = useToast();
  const [confirming, setConfirming] = useState(false);
  const submitting = useSubmitOnce();
  const busy = submitting.running;

  async function confirm() {
    if (!submitting.begin()) return;
    try {
      await remove();
      showToast(doneMessage);
    } catch (thrown) {
      showToast(toCrmError(thrown).message, 'problem');
    } finally {
      submitting.end();
      setConfirming(false);
      onChanged();
    }
  }

  return { confirming, busy, ask: () => setConfirming(true), cancel: () => setConfirming(false), confirm: () => void confirm() };
}
