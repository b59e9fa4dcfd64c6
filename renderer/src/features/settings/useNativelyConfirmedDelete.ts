import { toCrmError } from '../../api';
import { useToast } from '../../components/Toast';
import { useSubmitOnce } from '../../lib/useSubmitOnce';

/**
 * A delete that Rolodesk itself asks about, in a native dialog, before
 * anything goes: the page does not ask again. "No" is said quietly (nothing
 * changed); the list reloads after any answer, since a failure usually
 * means the item is gone already.
 */
export function useNativelyConfirmedDelete(remove: () => Promise<unknown>, doneMessage: string, onChanged: () => void) {
  const showToast = useToast();
  const submitting = useSubmitOnce();

  async function run() {
    if (!submitting.begin()) return;
    try {
      await remove();
      showToast(doneMessage);
    } catch (thrown) {
      const error = toCrmError(thrown);
      if (error.code === 'CANCELLED') return;
      showToast(error.message, 'problem');
    } finally {
      submitting.end();
      onChanged();
    }
  }

  return { busy: submitting.running, run: () => void run() };
}
