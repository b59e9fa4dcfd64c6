import type { ErasePreview, PersonExported } from '../../../../shared/schemas/privacy';

const plural = (count: number, one: string, many = `${one}s`) =>
  `${count.toLocaleString('en')} ${count === 1 ? one : many}`;

/** After the archive is saved: what went into it. */
export function exportedMessage(counts: PersonExported['counts']): string {
  return `Archive saved, with ${plural(counts.activities, 'activity', 'activities')}, ${plural(counts.historyEntries, 'history entry', 'history entries')}, ${plural(counts.campaigns, 'campaign')}, ${plural(counts.messages, 'message')} and ${plural(counts.files, 'file')}.`;
}

/** "Goes for good": one line per kind of thing, the contact first. */
export function goesLines({ goes }: ErasePreview): string[] {
  // A kind they have none of is left out: the list says what there is.
  const counted: Array<[number, string]> = [
    [goes.activities, `${plural(goes.activities, 'activity', 'activities')} about them`],
    [goes.historyEntries, plural(goes.historyEntries, 'timeline entry', 'timeline entries')],
    [goes.campaignMemberships, `${plural(goes.campaignMemberships, 'campaign membership')} and their status history`],
    [goes.messages, `${plural(goes.messages, 'message')} queued or sent to them`],
    [goes.files, `${plural(goes.files, 'file')} only they used`],
    [goes.tags, `${plural(goes.tags, 'tag')} on them`],
    [goes.customValues, `${plural(goes.customValues, 'custom field value')}`],
  ];
  return [
    'Their contact record, with its notes, consent and lead source',
    ...counted.filter(([count]) => count > 0).map(([, line]) => line),
    'Their entries in search, imports and bulk-edit undo',
  ];
}

/** "Stays": what others hold, without the link to them. */
export function staysLines({ stays }: ErasePreview): string[] {
  return [
    ...(stays.company ? [`Their company, ${stays.company}`] : []),
    ...(stays.deals > 0 ? [`${plural(stays.deals, 'deal')} they were the contact of, without them`] : []),
    ...(stays.sharedActivities > 0
      ? [
          `${plural(stays.sharedActivities, 'activity', 'activities')} filed under a deal or another company, without them`,
        ]
      : []),
    ...(stays.sharedFiles > 0 ? [`${plural(stays.sharedFiles, 'file')} other records also use`] : []),
  ];
}
