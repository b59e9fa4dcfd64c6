import { exactTime, shortTime } from '../../lib/format';
import { Avatar } from '../Avatar';

function Blank() {
  return (
    <span className="cell__blank" aria-hidden="true">
      —
    </span>
  );
}

/** A plain value, or a quiet dash when there is none. */
export function TextCell({ text, numeric = false }: { text: string; numeric?: boolean }) {
  if (!text) return <Blank />;
  return <span className={numeric ? 'cell__text cell__text--numeric' : 'cell__text'}>{text}</span>;
}

/** A record's name with its picture (or initials). */
export function NameCell({ name, photo }: { name: string; photo: string | null }) {
  return (
    <>
      <Avatar name={name} photo={photo} />
      <span className="cell__text cell__text--strong">{name}</span>
    </>
  );
}

/** When something happened, short; the exact time on hover. */
export function TimeCell({ at }: { at: string }) {
  return (
    <time className="cell__text cell__text--muted" dateTime={at} title={exactTime(at)}>
      {shortTime(at)}
    </time>
  );
}
