import { Button } from '../../components/Button';
import { useCopyDiagnostics } from './useCopyDiagnostics';
import './Help.css';

export const somethingWentWrong = 'Something went wrong';
export const whatToDo =
  'Rolodesk wrote the details to its log on this computer; nothing was sent anywhere. Your saved data is safe. If it happens again, copy the diagnostics and paste them into a message to whoever helps you with Rolodesk.';

/** In place of a screen that failed to draw: what happened, what to do, and a way back to the screen. */
export function SomethingWentWrong({ onTryAgain }: { onTryAgain: () => void }) {
  const copyDiagnostics = useCopyDiagnostics();
  return (
    <div className="problem-screen" role="alert" aria-labelledby="problem-screen-title">
      <h2 id="problem-screen-title" className="problem-screen__title">
        {somethingWentWrong}
      </h2>
      <p className="problem-screen__text">This screen could not be shown. {whatToDo}</p>
      <div className="problem-screen__actions">
        <Button variant="primary" icon="restore" onClick={onTryAgain}>
          Show the screen again
        </Button>
        <Button icon="copy" onClick={() => void copyDiagnostics()}>
          Copy diagnostics
        </Button>
      </div>
    </div>
  );
}
