import { allowedKinds } from '../attachments/file-types';

const maxNameLength = 120;
// Characters no file system takes (Windows is the strictest), control characters, and slashes that would make a folder.
// eslint-disable-next-line no-control-regex -- control characters are among what a file name must not hold
const unsafe = /[\u0000-\u001f\u007f<>:"/\\|?*]/g;
const reservedOnWindows = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i;

function extensionFor(mimeType: string): string {
  return Object.values(allowedKinds).find((kind) => kind.mime === mimeType)?.extension ?? 'bin';
}

/**
 * A name a file can have inside the archive, and on any disk it is unpacked
 * to: no folder parts, no characters Windows refuses, not a device name,
 * not hidden, not too long, with the extension of what it is when it had none.
 */
export function safeFileName(name: string, mimeType: string): string {
  let safe = name
    .normalize('NFC')
    .replace(unsafe, '_')
    .trim()
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '');
  if (safe === '' || reservedOnWindows.test(safe)) safe = `file${safe === '' ? '' : `-${safe}`}`;
  if (!/\.[A-Za-z0-9]{1,8}$/.test(safe)) safe = `${safe}.${extensionFor(mimeType)}`;
  if (safe.length > maxNameLength) {
    const dot = safe.lastIndexOf('.');
    const extension = safe.slice(dot);
    safe = `${safe.slice(0, maxNameLength - extension.length).trimEnd()}${extension}`;
  }
  return safe;
}

/** Gives each name once: a second "notes.pdf" becomes "notes (2).pdf". Compared without case, as Windows and macOS do. */
export function uniqueNames() {
  const taken = new Set<string>();
  return (name: string): string => {
    const dot = name.lastIndexOf('.');
    const [stem, extension] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
    let candidate = name;
    for (let copy = 2; taken.has(candidate.toLowerCase()); copy++) candidate = `${stem} (${copy})${extension}`;
    taken.add(candidate.toLowerCase());
    return candidate;
  };
}
