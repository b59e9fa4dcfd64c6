import { useCallback } from 'react';
import { invoke, toCrmError } from '../../api';
import { useToast } from '../../components/Toast';

/** Help › Copy Diagnostics: the report goes to the clipboard, and a toast says so (or why not). */
export function useCopyDiagnostics(): () => Promise<void> {
  const showToast = useToast();
  return useCallback(async () => {
    try {
      await invoke('help.diagnostics', {});
      showToast('Diagnostics copied. Paste them into your message to support: they hold no contacts or notes.');
    } catch (error) {
      showToast(`The diagnostics could not be copied: ${toCrmError(error).message}`, 'problem');
    }
  }, [showToast]);
}
