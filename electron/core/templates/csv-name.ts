// Characters Windows or macOS refuse in a file name.
// eslint-disable-next-line no-control-regex -- control characters are among what a file name must not hold
const notInFileNames = /[\\/:*?"<>|\u0000-\u001f]/g;

/** What the save dialog suggests: "Spring newsletter – mail merge 2026-12-06.csv". */
export function suggestedCsvName(campaignName: string, now: Date): string {
  const safe =
    campaignName.replace(notInFileNames, ' ').replace(/\s+/g, ' ').trim().replace(/^\.+/, '').slice(0, 80) ||
    'Campaign';
  return `${safe} – mail merge ${now.toISOString().slice(0, 10)}.csv`;
}
