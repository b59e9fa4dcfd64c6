import type { IconName } from '../../components/Icon';

export type FileTone = 'image' | 'pdf' | 'document' | 'sheet' | 'slides' | 'text' | 'contact' | 'mail' | 'other';

/** How a stored file is drawn: an icon and a colour per family of types. */
export function fileKindOf(mimeType: string): { icon: IconName; tone: FileTone } {
  if (mimeType.startsWith('image/')) return { icon: 'image', tone: 'image' };
  if (mimeType === 'application/pdf') return { icon: 'fileText', tone: 'pdf' };
  if (/wordprocessing|opendocument\.text/.test(mimeType)) return { icon: 'fileText', tone: 'document' };
  if (/spreadsheet|text\/csv/.test(mimeType)) return { icon: 'sheet', tone: 'sheet' };
  if (/presentation/.test(mimeType)) return { icon: 'slides', tone: 'slides' };
  if (mimeType === 'text/vcard') return { icon: 'card', tone: 'contact' };
  if (mimeType === 'message/rfc822') return { icon: 'mail', tone: 'mail' };
  if (mimeType.startsWith('text/')) return { icon: 'fileText', tone: 'text' };
  return { icon: 'file', tone: 'other' };
}

/** "a PDF document" → "PDF document", for a line of details where the article reads oddly. */
export function kindInWords(typeLabel: string): string {
  const bare = typeLabel.replace(/^(a|an)\s+/u, '');
  // Names spelled with a small first letter on purpose ("vCard") keep it.
  if (/^\p{Ll}\p{Lu}/u.test(bare)) return bare;
  return bare.charAt(0).toUpperCase() + bare.slice(1);
}
