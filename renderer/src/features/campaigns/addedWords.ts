import type { MembersAdded } from '../../../../shared/schemas/campaign';
import { countOf } from '../../lib/format';

/** "2 people added. 1 left out: unsubscribed or do not contact. 1 was already a member." */
export function addedWords({ added, alreadyMembers, leftOutForConsent, notFound }: MembersAdded): string {
  return [
    `${countOf(added, 'person', 'people')} added.`,
    leftOutForConsent > 0 && `${leftOutForConsent.toLocaleString()} left out: unsubscribed or do not contact.`,
    alreadyMembers > 0 && `${countOf(alreadyMembers, 'person was', 'people were')} already members.`,
    notFound > 0 && `${countOf(notFound, 'person is', 'people are')} no longer in your contacts.`,
  ]
    .filter(Boolean)
    .join(' ');
}
