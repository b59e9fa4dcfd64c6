import { Button } from '../../components/Button';
import { Icon } from '../../components/Icon';
import { useFileDrop } from '../attachments';

interface PickStepProps {
  plural: string;
  busy: boolean;
  onPick: () => void;
  onDrop: (file: File) => void;
}

/** Choose the file with the desktop's Open dialog, or drop it here. */
export function PickStep({ plural, busy, onPick, onDrop }: PickStepProps) {
  const drop = useFileDrop((files) => {
    const [first] = files;
    if (first && !busy) onDrop(first);
  });
  return (
    <div className={drop.over ? 'import-drop import-drop--over' : 'import-drop'} {...drop.handlers}>
      <Icon name="upload" size={28} className="import-drop__icon" />
      <p className="import-drop__title">Drop a file here, or choose one</p>
      <p className="import-drop__hint">
        A CSV or text file (comma, semicolon or tab separated), an Excel workbook (.xlsx) or contact cards (.vcf) — from
        Excel, Google Contacts, Outlook, HubSpot, Pipedrive or a phone. Any number of {plural}.
      </p>
      <Button variant="primary" icon="folder" onClick={() => !busy && onPick()} aria-disabled={busy}>
        Choose a file…
      </Button>
    </div>
  );
}
