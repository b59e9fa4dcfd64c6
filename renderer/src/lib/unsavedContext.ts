import { createContext, useCallback, useContext, useEffect, useId } from 'react';
import { useLatest } from './useLatest';

// Here, below the features, because forms of every layer declare their work; the question itself is
// asked by features/unsaved/UnsavedChangesProvider, which the window puts around everything.

/** Typing a panel or dialog holds that is not saved yet. */
export interface UnsavedWork {
  /** What it is, for the question: "Anna Berg", "New contact", "the task". */
  label: string;
  /**
   * Saves it; false when it could not be saved (a problem shows beside a field, or a review opened).
   * null: work that cannot be saved half-way (an import being set up): the question offers only to leave or stay.
   */
  save: (() => Promise<boolean>) | null;
}

export interface UnsavedChanges {
  /** Registers (or, with null, withdraws) the unsaved work of one form. */
  hold: (id: string, work: UnsavedWork | null) => void;
  /**
   * Asks before something replaces what the user is editing: Save, Discard or
   * Keep editing. Resolves true when it may go ahead (saved, discarded, or
   * nothing was unsaved), false when the user keeps editing or a save failed.
   */
  confirmLeave: () => Promise<boolean>;
  /** The same question about one form only (its own Cancel or Escape), nothing else that is open. */
  confirmClose: (id: string) => Promise<boolean>;
}

export const UnsavedChangesContext = createContext<UnsavedChanges | null>(null);

function useUnsavedChanges(): UnsavedChanges {
  const context = useContext(UnsavedChangesContext);
  if (!context) throw new Error('Unsaved changes need the UnsavedChangesProvider around the window.');
  return context;
}

/** The one way to leave what is being edited (switch records, screens, start a new one): asks first. */
export function useLeaveGuard(): () => Promise<boolean> {
  return useUnsavedChanges().confirmLeave;
}

/**
 * Declares a form's unsaved work while `dirty`: anything that would replace
 * the form asks first, and so does closing the window or quitting. Returns
 * the question for the form's own Cancel: true when it may close.
 */
export function useUnsavedWork(
  dirty: boolean,
  label: string,
  save: (() => Promise<boolean>) | null,
): () => Promise<boolean> {
  const { hold, confirmClose } = useUnsavedChanges();
  const id = useId();
  // The latest save and label, without re-registering on every keystroke.
  const latest = useLatest({ label, save });
  useEffect(() => {
    const canSave = latest.current.save !== null;
    hold(
      id,
      dirty
        ? {
            get label() {
              return latest.current.label;
            },
            save: canSave ? () => latest.current.save?.() ?? Promise.resolve(false) : null,
          }
        : null,
    );
  }, [hold, id, dirty, latest]);
  useEffect(() => () => hold(id, null), [hold, id]);
  return useCallback(() => confirmClose(id), [confirmClose, id]);
}
