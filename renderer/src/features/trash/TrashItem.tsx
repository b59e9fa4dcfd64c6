import type { TrashEntry } from '../../../../shared/schemas/trash';
import { Button } from '../../components/Button';
import { Icon } from '../../components/Icon';
import { exactTime, timeInSentence } from '../../lib/format';
import { recordKindLook } from '../palette';
import { dayOf, kindInWords, mergedWords, wentWith } from './trashWords';

interface TrashItemProps {
  entry: TrashEntry;
  /** A restore or delete of this entry is running. */
  busy: boolean;
  onRestore: (entry: TrashEntry) => void;
  onDeleteForever: (entry: TrashEntry) => void;
}

/** One delete in the trash: what it was, what it holds (or, merged away, where its links went), when, until when it is kept, and the two ways out. */
export function TrashItem({ entry, busy, onRestore, onDeleteForever }: TrashItemProps) {
  const others = wentWith(entry);
  const nameId = `trash-entry-${entry.id}`;
  return (
    <li className="trash-item list-row" aria-labelledby={nameId}>
      <span className="trash-item__icon">
        <Icon name={recordKindLook[entry.kind].icon} size={18} />
      </span>
      <div className="trash-item__text">
        <p id={nameId} className="trash-item__name">
          {entry.label}
        </p>
        <p className="list-row__details">
          <span>{kindInWords(entry)}</span>
          {others && <span>with {others}</span>}
          {entry.mergedInto && <span>{mergedWords(entry.mergedInto)}</span>}
          <span title={exactTime(entry.deletedAt)}>Deleted {timeInSentence(entry.deletedAt)}</span>
          <span title={exactTime(entry.purgeAt)}>Kept until {dayOf(entry.purgeAt)}</span>
        </p>
      </div>
      <div className="trash-item__actions">
        <Button
          size="small"
          icon="restore"
          onClick={() => onRestore(entry)}
          disabled={busy}
          aria-label={`Restore ${entry.label}`}
        >
          Restore
        </Button>
        <Button
          size="small"
          variant="ghost"
          icon="trash"
          onClick={() => onDeleteForever(entry)}
          disabled={busy}
          aria-label={`Delete forever ${entry.label}`}
        >
          Delete forever
        </Button>
      </div>
    </li>
  );
}
