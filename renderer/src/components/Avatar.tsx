import { useState } from 'react';
import { fileUrl } from '../../../shared/files-url';
import { initialsOf } from '../lib/initials';
import './Avatar.css';

const tones = 8;

/** The same name always gets the same colour, so people learn to spot a face in the list. */
function toneOf(name: string): number {
  let hash = 0;
  for (const char of name) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) >>> 0;
  return hash % tones;
}

interface AvatarProps {
  name: string;
  /** The photo's fingerprint, when the person has one. */
  photo?: string | null;
  size?: 'small' | 'large';
}

/** A round photo, or a badge of initials; decorative, since the name is always written beside it. */
export function Avatar({ name, photo = null, size = 'small' }: AvatarProps) {
  // A photo that fails to load (removed meanwhile) falls back to the initials rather than a broken image.
  const [failed, setFailed] = useState<string | null>(null);
  const showPhoto = photo !== null && failed !== photo;
  return (
    <span className={`avatar avatar--${size}`} data-tone={toneOf(name)} aria-hidden="true">
      {showPhoto ? (
        <img className="avatar__photo" src={fileUrl(photo)} alt="" draggable={false} onError={() => setFailed(photo)} />
      ) : (
        initialsOf(name)
      )}
    </span>
  );
}
