import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { useLeaveGuard } from './unsavedContext';
import { useLatest } from './useLatest';

/** What a screen's side panel shows; `session` changes whenever the user opens something else. */
export interface PanelState<Prefill> {
  session: number;
  /** What a new record starts with (a deal for a company, say). */
  prefill: Prefill | undefined;
  /** null: a new record. */
  recordId: number | null;
  /** Put the cursor in the name field (opened from the keyboard, or a new record). */
  focusName: boolean;
}

/**
 * A list screen's side panel: which record it shows, the row marked as
 * selected, and focus going back to what opened the panel once it closes.
 * Opening another record, starting a new one or closing asks first when the
 * panel holds unsaved typing (Save / Discard / Keep editing).
 */
export function useRecordPanel<Prefill = never>(
  bodyRef: RefObject<HTMLElement | null>,
  fallbackFocus: RefObject<HTMLElement | null>,
) {
  const [panel, setPanel] = useState<PanelState<Prefill> | null>(null);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const nextSession = useRef(1);
  const confirmLeave = useLeaveGuard();
  const shownId = useLatest(panel ? panel.recordId : undefined);
  // Where focus goes back to when the panel closes: the row or button that opened it.
  const returnFocus = useRef<HTMLElement | null>(null);
  const focusAfterClose = useRef(false);

  const rememberFocus = () => {
    if (document.activeElement instanceof HTMLElement && !document.activeElement.closest('.record-panel')) {
      returnFocus.current = document.activeElement;
    }
  };

  const openNew = useCallback(
    async (prefill?: Prefill) => {
      rememberFocus();
      if (!(await confirmLeave())) return;
      setSelectedId(null);
      setPanel({ session: nextSession.current++, recordId: null, focusName: true, prefill });
    },
    [confirmLeave],
  );

  /** Opens a record; opening the one already shown keeps its panel (and its typing) as it is. */
  const open = useCallback(
    async (recordId: number, how: 'pointer' | 'keyboard' | 'link') => {
      rememberFocus();
      if (shownId.current === recordId) {
        setSelectedId(recordId);
        return;
      }
      if (!(await confirmLeave())) return;
      setSelectedId(recordId);
      setPanel({ session: nextSession.current++, recordId, focusName: how === 'keyboard', prefill: undefined });
    },
    [confirmLeave, shownId],
  );

  /** A new record was saved: the panel now shows it. */
  const saved = useCallback((recordId: number) => {
    setSelectedId(recordId);
    setPanel((current) => current && { ...current, recordId });
  }, []);

  /** Closes the panel without asking: its record was just deleted. */
  const dismiss = useCallback(() => {
    focusAfterClose.current = true;
    setPanel(null);
    setSelectedId(null);
  }, []);

  const close = useCallback(async () => {
    if (await confirmLeave()) dismiss();
  }, [confirmLeave, dismiss]);

  // Focus moves back once the panel (and any dialog in it, which makes the app inert) is gone.
  useEffect(() => {
    if (panel !== null || !focusAfterClose.current) return;
    focusAfterClose.current = false;
    const target = returnFocus.current?.isConnected
      ? returnFocus.current
      : (bodyRef.current?.querySelector<HTMLElement>('[role="row"][tabindex="0"]') ?? fallbackFocus.current);
    target?.focus();
  }, [panel, bodyRef, fallbackFocus]);

  return useMemo(
    () => ({ panel, selectedId, openNew, open, saved, close, dismiss }),
    [panel, selectedId, openNew, open, saved, close, dismiss],
  );
}
