import type { FunnelStep } from '../../../shared/schemas/dashboard';
import { memberStatuses, type MemberStatus } from '../../../shared/schemas/marketing';

/**
 * A status says how far a member got: one who replied was also sent the
 * message and opened it. Bounced and unsubscribed members were sent it and
 * got no further that we know of.
 */
const reached: Record<MemberStatus, readonly FunnelStep[]> = {
  planned: ['members'],
  sent: ['members', 'sent'],
  opened: ['members', 'sent', 'opened'],
  replied: ['members', 'sent', 'opened', 'replied'],
  converted: ['members', 'sent', 'opened', 'replied', 'converted'],
  bounced: ['members', 'sent'],
  unsubscribed: ['members', 'sent'],
};

/** Each funnel step's count of members who got at least that far, from the count per status now. */
export function funnelOf(byStatus: ReadonlyMap<MemberStatus, number>): { step: FunnelStep; members: number }[] {
  const steps: FunnelStep[] = ['members', 'sent', 'opened', 'replied', 'converted'];
  return steps.map((step) => ({
    step,
    members: memberStatuses.reduce(
      (sum, status) => sum + (reached[status].includes(step) ? (byStatus.get(status) ?? 0) : 0),
      0,
    ),
  }));
}
