// What other features may use of segments; they import it from here, never from its files.
export { SegmentFilter } from './SegmentFilter';
