// What other features may use of tags; they import it from here, never from its files.
export { TagChip } from './TagChip';
export { TagColorPicker } from './TagColorPicker';
export { TagFilter } from './TagFilter';
export { TagPicker } from './TagPicker';
export { tagFilterRequest } from './tagFilter';
export { taggedRecordsWords } from './tagWords';
export { useTags } from './useTags';
