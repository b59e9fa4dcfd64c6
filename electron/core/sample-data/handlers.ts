import type { CoreContext, Handlers } from '../context';
import { addSampleData } from './add';
import { sampleMarks } from './marks';
import { removeSampleData } from './remove';
import { sampleSet } from './sample-set';
import { welcomeQuestion } from './welcome';

/** The first run: the welcome's once-only question, and the sample data it can add. */
export function firstRunHandlers(context: CoreContext) {
  const { db, settings, store, logger, clock } = context;
  const marks = sampleMarks(db);
  const welcome = welcomeQuestion(db, settings);

  return {
    'welcome.status': () => ({ show: welcome.shown() }),
    'welcome.dismiss': () => {
      welcome.dismiss();
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
