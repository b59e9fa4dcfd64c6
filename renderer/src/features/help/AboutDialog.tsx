import { useRef } from 'react';
import type { AboutFacts } from '../../../../shared/schemas/help';
import { invoke } from '../../api';
import { ErrorBanner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { longTime } from '../../lib/format';
import { useLoaded } from '../../lib/useLoaded';
import './Help.css';

const loadAbout = () => invoke('help.about', {});
const notInElectron = 'not running in Electron';

function facts(about: AboutFacts): Array<[string, string]> {
  return [
    ['Version', about.version],
    ['Electron', about.electron ?? notInElectron],
    ['Chromium', about.chromium ?? notInElectron],
    ['Node', about.node],
    ['SQLite', about.sqlite],
    ['System', about.system],
    ['Data folder', about.dataFolder],
    ['Last verified backup', about.lastVerifiedBackupAt ? longTime(about.lastVerifiedBackupAt) : 'none yet'],
  ];
}

/** Help › About Rolodesk: the versions, where the data is, and when it was last safely backed up. */
export function AboutDialog({ onClose, onCopyDiagnostics }: { onClose: () => void; onCopyDiagnostics: () => void }) {
  const closeRef = useRef<HTMLButtonElement>(null);
  const about = useLoaded(loadAbout);
  return (
    <Dialog
      title="About Rolodesk"
      description="A contact manager that keeps everything on this computer."
      onCancel={onClose}
      initialFocus={closeRef}
      size="medium"
    >
      <div className="dialog__body">
        {about.error && <ErrorBanner>{about.error}</ErrorBanner>}
        {about.value && (
          <dl className="about-facts">
            {facts(about.value).map(([name, value]) => (
              <div key={name} className="about-facts__row">
                <dt>{name}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
        )}
      </div>
      <div className="dialog__actions">
        <Button icon="copy" onClick={onCopyDiagnostics}>
          Copy diagnostics
        </Button>
        <Button ref={closeRef} variant="primary" onClick={onClose}>
          Close
        </Button>
      </div>
    </Dialog>
  );
}
