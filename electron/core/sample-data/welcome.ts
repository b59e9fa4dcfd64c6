import { z } from 'zod';
import type { Db } from '../db/open';
import type { SettingsRepo } from '../settings/repo';

/** Set once the welcome was answered or closed. */
const welcomeSeenKey = 'welcome.seen';

/** The first run's once-only welcome: shown to a new, empty data folder until answered. */
export function welcomeQuestion(db: Db, settings: SettingsRepo) {
  // Trashed records count: someone who has deleted what they had is not new here.
  const anyRecord = db
    .prepare<[], number>(
      'SELECT EXISTS (SELECT 1 FROM contacts) OR EXISTS (SELECT 1 FROM companies) OR EXISTS (SELECT 1 FROM deals) OR EXISTS (SELECT 1 FROM activities)',
    )
    .pluck();
  const seen = () => z.boolean().safeParse(settings.get(welcomeSeenKey)).data === true;

  return {
    // A folder with records (someone upgrading, a restored backup) has been seen, whether the setting says so or not.
    shown: (): boolean => !seen() && anyRecord.get() === 0,
    dismiss(): void {
      if (!seen()) settings.set(welcomeSeenKey, true);
    },
  };
}
