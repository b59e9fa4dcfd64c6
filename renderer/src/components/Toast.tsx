import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Icon } from './Icon';
import './Toast.css';

interface Toast {
  id: number;
  message: string;
  tone: ToastTone;
  action?: ToastAction | undefined;
}

/** One button on a toast ("Undo"); pressing it runs the action and dismisses the toast. */
export interface ToastAction {
  label: string;
  onAction: () => void;
}

/** done: what the user asked for happened. problem: it ran, and found something wrong (a backup that fails its check). */
type ToastTone = 'done' | 'problem';

type ShowToast = (message: string, tone?: ToastTone, action?: ToastAction) => void;

const ToastContext = createContext<ShowToast>(() => {});

const visibleFor = 4000;

/** Short confirmations ("Contact saved") in a polite live region, gone after a few seconds. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);
  const timers = useRef(new Set<number>());

  const show = useCallback<ShowToast>((message, tone = 'done', action) => {
    const id = nextId.current++;
    // Keep at most three; an older one makes room.
    setToasts((current) => [...current.slice(-2), { id, message, tone, action }]);
    const timer = window.setTimeout(
      () => {
        timers.current.delete(timer);
        setToasts((current) => current.filter((toast) => toast.id !== id));
      },
      action ? visibleFor * 2 : visibleFor,
    );
    timers.current.add(timer);
  }, []);

  useEffect(() => {
    const pending = timers.current;
    return () => pending.forEach((timer) => window.clearTimeout(timer));
  }, []);

  const value = useMemo(() => show, [show]);
  return (
    <ToastContext.Provider value={value}>
      {children}
      <div className="toasts" role="status" aria-live="polite" aria-label="Notifications">
        {toasts.map((toast) => (
          <div key={toast.id} className="toast">
            <Icon
              name={toast.tone === 'done' ? 'check' : 'alert'}
              size={16}
              className={`toast__icon toast__icon--${toast.tone}`}
            />
            <span>{toast.message}</span>
            {toast.action && (
              <button
                type="button"
                className="toast__action"
                onClick={() => {
                  setToasts((current) => current.filter((other) => other.id !== toast.id));
                  toast.action?.onAction();
                }}
              >
                {toast.action.label}
              </button>
            )}
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

export function useToast(): ShowToast {
  return useContext(ToastContext);
}
