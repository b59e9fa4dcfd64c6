// What other features may use of timeline; they import it from here, never from its files.
export { RecordTimeline } from './RecordTimeline';
