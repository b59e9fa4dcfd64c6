import { useEffect, useState } from 'react';
import { onEvent } from '../../api';
import { Button } from '../../components/Button';
import { WindowBanner } from '../../components/WindowBanner';
import { reportProblem } from './problemReport';
import { somethingWentWrong, whatToDo } from './SomethingWentWrong';
import { useCopyDiagnostics } from './useCopyDiagnostics';

/**
 * Errors nothing else caught, in the window (an event handler, a promise)
 * or in main (app.problem): logged with their stack, and a banner across
 * the top says so. Nothing on screen is taken away, so the user keeps
 * their place and whatever they were typing.
 */
export function WindowProblems() {
  const [shown, setShown] = useState(false);
  const copyDiagnostics = useCopyDiagnostics();

  useEffect(() => {
    const onError = (event: ErrorEvent) => {
      reportProblem(event.error ?? event.message, 'window');
      setShown(true);
    };
    const onRejection = (event: PromiseRejectionEvent) => {
      reportProblem(event.reason, 'promise');
      setShown(true);
    };
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
    // Main logged its own error already; the window only tells the user.
    const stopMain = onEvent('app.problem', () => setShown(true));
    return () => {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
      stopMain();
    };
  }, []);

  if (!shown) return null;
  return (
    <WindowBanner
      tone="danger"
      icon="alert"
      title={somethingWentWrong}
      onDismiss={() => setShown(false)}
      actions={
        <Button size="small" icon="copy" onClick={() => void copyDiagnostics()}>
          Copy diagnostics
        </Button>
      }
    >
      {whatToDo}
    </WindowBanner>
  );
}
