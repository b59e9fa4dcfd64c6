import type { ReactNode } from 'react';
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

/** A record's name with its picture (or initials), and a short note under the name when there is one. */
export function NameCell({ name, photo, note }: { name: string; photo: string | null; note?: ReactNode }) {
  const text = <span className="cell__text cell__text--strong">{name}</span>;
  return (
    <>
      <Avatar name={name} photo={photo} />
      {note ? (
        <span className="cell__stack">
          {text}
          {note}
        </span>
      ) : (
        text
      )}
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
