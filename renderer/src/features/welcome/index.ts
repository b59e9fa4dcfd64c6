// What other features may use of welcome; they import it from here, never from its files.
export { SampleBadge } from './SampleBadge';
export { SampleDataSettings } from './SampleDataSettings';
