/**
 * Values no log line may hold (issue 13): each names what it stands for and is
 * unlikely to appear by chance, so a hit in a log file is a leak.
 */
export const privacyMarkers = {
  contact: 'Zoë Lëakcheck',
  email: 'leak.check.7f3@example.org',
  company: 'Lëak Cömpany 5b1',
  deal: 'Lëak Deal 8e4',
  note: 'secret-note-91c',
  noteSubject: 'Subject lëak 3a9',
  fileName: 'leak-file-4d2.pdf',
  tag: 'lëak-tag-6c0',
  customValue: 'custom-lëak-2f7',
  segment: 'Lëak Segment 0d5',
  campaign: 'Lëak Campaign 7a2',
  template: 'Lëak Template 9b3',
  templateText: 'template-lëak-4e8',
  search: 'Lëakcheck',
  importName: 'Imported Lëak 1c6',
  importEmail: 'import.leak.5d9@example.org',
  importNote: 'import-note-lëak-8f1',
  smtpHost: 'smtp.leak-host-2a4.example',
  password: 'pässword-leak-6b7',
  userName: 'zoe-leak-home',
} as const;

/** Each marker found in the text, with the line it is on. */
export function leaksIn(
  text: string,
  markers: readonly string[] = Object.values(privacyMarkers),
): Array<{ marker: string; line: string }> {
  const lines = text.split('\n');
  return markers.flatMap((marker) =>
    lines
      .filter((line) => line.toLowerCase().includes(marker.toLowerCase()))
      .map((line) => ({ marker, line: line.slice(0, 300) })),
  );
}
