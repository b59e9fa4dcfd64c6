import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { toCrmError, type CrmError } from '../../api';
import { useToast } from '../../components/Toast';
import { useSubmitOnce } from '../../lib/useSubmitOnce';
import { matchesShortcut } from '../../../../shared/shortcuts';

interface InlineEditOptions {
  /** Said once a change is saved: "Tag saved". */
  saved: string;
  /** A change was saved: the list reloads. */
  onChanged: () => void;
}

/**
 * A row that turns into its own small form: `start` opens it, `stop` closes it
 * and puts focus back on the button that opened it, and Escape in the form closes it too.
 * `commit` sends the change, one at a time, and closes the form once it is saved.
 */
export function useInlineEdit({ saved, onChanged }: InlineEditOptions) {
  const [editing, setEditing] = useState(false);
  const editButtonRef = useRef<HTMLButtonElement>(null);
  const refocus = useRef(false);
  const showToast = useToast();
  const submitting = useSubmitOnce();

  useEffect(() => {
    if (editing || !refocus.current) return;
    refocus.current = false;
    editButtonRef.current?.focus();
  }, [editing]);

  const stop = () => {
    refocus.current = true;
    setEditing(false);
  };
  const onFormKeyDown = (event: KeyboardEvent) => {
    if (!matchesShortcut(event, 'cancel-edit')) return;
    event.preventDefault();
    stop();
  };

  /** Sends the change; true once it is saved, false when it was not (`failed` shows why) or another is on its way. */
  async function commit(send: () => Promise<unknown>, failed: (error: CrmError) => void): Promise<boolean> {
    if (!submitting.begin()) return false;
    try {
      await send();
      stop();
      showToast(saved);
      onChanged();
      return true;
    } catch (thrown) {
      failed(toCrmError(thrown));
      return false;
    } finally {
      submitting.end();
    }
  }

  return {
    editing,
    start: () => setEditing(true),
    stop,
    editButtonRef,
    onFormKeyDown,
    busy: submitting.running,
    commit,
  };
}

export type InlineEdit = ReturnType<typeof useInlineEdit>;
