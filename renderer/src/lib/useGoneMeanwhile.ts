import { useCallback, useState } from 'react';
import { toCrmError } from '../api';

export interface GoneMeanwhile {
  /** What happened, in words; null when there is nothing to say. */
  notice: string | null;
  dismiss: () => void;
  /**
   * When the error says the record or entry acted on is gone (deleted,
   * restored or merged elsewhere meanwhile): shows `words`, reloads the
   * screen's list and returns true. Any other error: false, nothing done.
   */
  report: (error: unknown, words: string) => boolean;
}

/**
 * An action on something that vanished meanwhile, in another screen or
 * window: the screen says so and reloads, so a list never just empties
 * under the user without a word.
 */
export function useGoneMeanwhile(reload: () => void): GoneMeanwhile {
  const [notice, setNotice] = useState<string | null>(null);
  const dismiss = useCallback(() => setNotice(null), []);
  const report = useCallback(
    (error: unknown, words: string) => {
      if (toCrmError(error).code !== 'NOT_FOUND') return false;
      setNotice(words);
      reload();
      return true;
    },
    [reload],
  );
  return { notice, dismiss, report };
}
