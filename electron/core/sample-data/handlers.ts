import { z } from 'zod';
import type { CoreContext, Handlers } from '../context';
import { addSampleData } from './add';
import { sampleMarks } from './marks';
import { removeSampleData } from './remove';
import { sampleSet } from './sample-set';

/** Set once the welcome was answered or closed. */
const welcomeSeenKey = 'welcome.seen';

/** The first run: the welcome's once-only question, and the sample data it can add. */
export function firstRunHandlers(context: CoreContext) {
  const { db, settings, store, logger, clock } = context;
  const marks = sampleMarks(db);
  // Trashed records count: someone who has deleted what they had is not new here.
  const anyRecord = db
    .prepare<[], number>(
      'SELECT EXISTS (SELECT 1 FROM contacts) OR EXISTS (SELECT 1 FROM companies) OR EXISTS (SELECT 1 FROM deals) OR EXISTS (SELECT 1 FROM activities)',
    )
    .pluck();
  const seen = () => z.boolean().safeParse(settings.get(welcomeSeenKey)).data === true;

  return {
    // A folder with records (someone upgrading, a restored backup) has been seen, whether the setting says so or not.
    'welcome.status': () => ({ show: !seen() && anyRecord.get() === 0 }),
    'welcome.dismiss': () => {
      if (!seen()) settings.set(welcomeSeenKey, true);
      return { show: false };
    },
    'sampleData.status': () => marks.status(),
    'sampleData.add': () => {
      addSampleData(context, sampleSet);
      return marks.status();
    },
    'sampleData.remove': async () => ({ removed: await removeSampleData(db, store, logger, clock.now()) }),
  } satisfies Partial<Handlers>;
}
