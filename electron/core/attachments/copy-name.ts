import { FileName, type Attachment } from '../../../shared/schemas/attachment';
import { allowedKinds, extensionOf, kindByExtension, type AllowedKind } from './file-types';

// Names Windows keeps for devices, with or without an extension ("CON", "aux.txt", "COM¹").
const windowsDevice = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)(\.|$)/i;

// Disks allow 255 bytes a name; the copy's partial file adds a prefix and a suffix to it.
const maxNameBytes = 200;

function trimEnd(name: string): string {
  return name.replace(/[. ]+$/, '');
}

/** Cuts the part before `tail` by whole characters until the name fits in `maxNameBytes`. */
function fitted(stem: string, tail: string): string {
  const characters = Array.from(stem);
  while (characters.length > 0 && Buffer.byteLength(characters.join('') + tail) > maxNameBytes) characters.pop();
  return trimEnd(characters.join('')) + tail;
}

/**
 * The name a copy of a stored file gets (Open, Save a copy): one any desktop
 * accepts, ending in the extension of what the file really is. The stored name
 * comes from the database, which may be a crafted backup: one an upload would
 * refuse (a folder, a control character, too long) is replaced by a made-up
 * one, never cleaned into something that might still point elsewhere.
 */
export function copyNameFor(attachment: Pick<Attachment, 'id' | 'fileName'>, kind?: AllowedKind): string {
  const fallback = `Attachment ${attachment.id}`;
  const given = FileName.safeParse(attachment.fileName).success ? attachment.fileName : fallback;
  let name = trimEnd(given.replace(/[<>:"|?*]/g, '_')) || fallback;
  if (windowsDevice.test(name)) name = `_${name}`;
  if (kind === undefined) return fitted(name, '');
  const named = kindByExtension[extensionOf(name)];
  if (named && allowedKinds[named].mime === allowedKinds[kind].mime) {
    const dot = name.lastIndexOf('.');
    return fitted(name.slice(0, dot), name.slice(dot));
  }
  return fitted(name, `.${allowedKinds[kind].extension}`);
}
