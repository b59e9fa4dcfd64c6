// What other features may use of bulk; they import it from here, never from its files.
export { BulkBar } from './BulkBar';
export type { BulkTarget } from './bulkTarget';
export { countFetcher, rangeFetcher, type ListSelectorOf } from './bulkChange';
export { selectAllLabel } from './selectionWords';
