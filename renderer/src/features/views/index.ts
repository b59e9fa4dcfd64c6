// What other features may use of views; they import it from here, never from its files.
export { ListToolbar } from './ListToolbar';
export { NoRecordsYet } from './NoRecordsYet';
export { RecordListScreen } from './RecordListScreen';
export { useViewsUsing } from './useViewsUsing';
export { viewsUsingWords } from './viewProblems';
