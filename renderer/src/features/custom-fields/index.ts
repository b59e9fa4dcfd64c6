// What other features may use of custom-fields; they import it from here, never from its files.
export { CustomFieldFilter } from './CustomFieldFilter';
export { CustomFieldInputs } from './CustomFieldInputs';
export { fieldFormErrorsOf, validateNewField, type FieldFormErrors, type FieldFormValues } from './customFieldForm';
