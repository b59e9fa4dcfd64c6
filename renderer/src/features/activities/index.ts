// What other features may use of activities; they import it from here, never from its files.
export { ActivityFields } from './ActivityFields';
export { focusFirstField } from './activityFocus';
export { EditActivityDialog } from './EditActivityDialog';
export { TaskCheckbox } from './TaskCheckbox';
export { TextButton } from './TextButton';
export { freshValues, type ActivityValues } from './activityForm';
export { activityTitle, kindWords } from './activityKinds';
export { dayAndTime, dueWords, inSentence, isAllDay, isOverdue } from './activityTime';
export { ownerOf } from './ownerOf';
export { useActivityForm } from './useActivityForm';
export { useTaskDone, type TaskRef } from './useTaskDone';
