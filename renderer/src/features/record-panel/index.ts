// What other features may use of record-panel; they import it from here, never from its files.
export { FieldedRecordPanel } from './FieldedRecordPanel';
export { LinkedSection } from './LinkedSection';
