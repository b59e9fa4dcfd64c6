/** What the core can see running that an update must not cut short. */
export interface RunningWorkSources {
  /** An import (or its undo) is writing, or the check after an unclean shutdown runs: the write gate is held. */
  importWriting: () => boolean;
  /** Campaigns whose sending is running (kept in settings, so a restart resumes them). */
  sendingCampaigns: () => number;
}

/**
 * The work running now, in words for the log and the window ("an import").
 * Backups and restores are not listed: they run one at a time in the backup
 * service's queue, and the snapshot before an update waits its turn there.
 */
export function runningWork(sources: RunningWorkSources): string[] {
  const running: string[] = [];
  if (sources.importWriting()) running.push('an import');
  if (sources.sendingCampaigns() > 0) running.push('sending a campaign');
  return running;
}
