import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { invoke, onEvent } from '../../api';
import { LeavePrompt } from './LeavePrompt';
import { UnsavedChangesContext, type UnsavedChanges, type UnsavedWork } from '../../lib/unsavedContext';

type Answer = 'save' | 'discard' | 'keep';

interface Question {
  label: string;
  canSave: boolean;
  saving: boolean;
  answer: (choice: Answer) => void;
}

/**
 * Keeps the window's unsaved work (record panels, edit dialogs) and asks
 * Save / Discard / Keep editing before anything replaces it: another record,
 * another screen, a new record, closing the window or quitting.
 */
export function UnsavedChangesProvider({ children }: { children: ReactNode }) {
  const works = useRef(new Map<string, UnsavedWork>());
  const [question, setQuestion] = useState<Question | null>(null);
  // One question at a time: a second leave while asking waits for the same answer.
  const asking = useRef<Promise<boolean> | null>(null);
  // Set once the user chose to close the window, so its own unload check lets it go.
  const leaving = useRef(false);

  const hold = useCallback((id: string, work: UnsavedWork | null) => {
    if (work) works.current.set(id, work);
    else works.current.delete(id);
  }, []);

  const ask = (work: UnsavedWork) =>
    new Promise<Answer>((resolve) =>
      setQuestion({ label: work.label, canSave: work.save !== null, saving: false, answer: resolve }),
    );

  /** Asks about each unsaved work `which` picks, newest first (a dialog over a panel), until all are saved or discarded. */
  const confirm = useCallback((which: (id: string) => boolean): Promise<boolean> => {
    if (asking.current) return asking.current;
    const answered = new Set<UnsavedWork>();
    const run = async (): Promise<boolean> => {
      try {
        for (;;) {
          const work = [...works.current]
            .reverse()
            .find(([id, candidate]) => which(id) && !answered.has(candidate))?.[1];
          if (!work) return true;
          const answer = await ask(work);
          if (answer === 'keep') return false;
          if (answer === 'save') {
            if (!work.save) return false;
            setQuestion((current) => current && { ...current, saving: true });
            if (!(await work.save())) return false;
          }
          answered.add(work);
          setQuestion(null);
        }
      } finally {
        setQuestion(null);
      }
    };
    const answer = run();
    asking.current = answer;
    // Cleared once settled (run() may settle before it is even stored, when nothing is unsaved).
    void answer.finally(() => {
      if (asking.current === answer) asking.current = null;
    });
    return answer;
  }, []);
  const confirmLeave = useCallback(() => confirm(() => true), [confirm]);
  const confirmClose = useCallback((id: string) => confirm((candidate) => candidate === id), [confirm]);

  // Closing the window or quitting: the window asks main to wait (beforeunload), main asks us, we answer.
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (works.current.size === 0 || leaving.current) return;
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    const stop = onEvent('window.closeRequested', () => {
      void confirmLeave().then((close) => {
        leaving.current = close;
        return invoke('app.closeAnswer', { close });
      });
    });
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      stop();
    };
  }, [confirmLeave]);

  const value = useMemo<UnsavedChanges>(
    () => ({ hold, confirmLeave, confirmClose }),
    [hold, confirmLeave, confirmClose],
  );
  return (
    <UnsavedChangesContext.Provider value={value}>
      {children}
      {question && (
        <LeavePrompt
          label={question.label}
          canSave={question.canSave}
          saving={question.saving}
          onSave={() => !question.saving && question.answer('save')}
          onDiscard={() => question.answer('discard')}
          onKeepEditing={() => !question.saving && question.answer('keep')}
        />
      )}
    </UnsavedChangesContext.Provider>
  );
}
