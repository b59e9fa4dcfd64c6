import { Icon } from '../../components/Icon';
import './DropOverlay.css';

/** What a record panel shows while files are dragged over it. */
export function DropOverlay({ recordName }: { recordName: string | null }) {
  return (
    <div className="drop-overlay">
      <div className="drop-overlay__card">
        <Icon name={recordName ? 'upload' : 'alert'} size={26} />
        <p className="drop-overlay__text">
          {recordName
            ? `Drop files to attach them to ${recordName}`
            : 'Save this contact first, then drop files to attach them.'}
        </p>
      </div>
    </div>
  );
}
