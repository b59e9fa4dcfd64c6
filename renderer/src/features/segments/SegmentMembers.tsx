import { Avatar } from '../../components/Avatar';
import { Button } from '../../components/Button';
import type { LiveSegment } from './useLiveSegment';

interface SegmentMembersProps {
  live: LiveSegment;
  onOpen: (contactId: number) => void;
}

/** The people the segment matches, in name order, a page at a time; each opens the contact. */
export function SegmentMembers({ live, onOpen }: SegmentMembersProps) {
  if (live.count === 0)
    return (
      <p className="segment-members__empty">Nobody matches yet. Loosen a condition, or choose “any” for a group.</p>
    );
  if (live.members.length === 0) return null;
  return (
    <>
      <ul className="segment-members" aria-label="People in this segment">
        {live.members.map((person) => (
          <li key={person.id}>
            <button type="button" className="segment-members__person" onClick={() => onOpen(person.id)}>
              <Avatar name={person.name} photo={person.photo} size="small" />
              <span className="segment-members__name">{person.name}</span>
              <span className="segment-members__detail">
                {[person.company, person.email].filter(Boolean).join(' · ')}
              </span>
            </button>
          </li>
        ))}
      </ul>
      {live.members.length < live.total && (
        <Button size="small" onClick={live.loadMore}>
          Show more ({(live.total - live.members.length).toLocaleString()} left)
        </Button>
      )}
    </>
  );
}
