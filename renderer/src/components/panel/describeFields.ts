import type { TextFieldSpec } from '../TextFields';
import type { FieldDescriptions } from './reviewRows';

/** Text fields described for a review by their form labels. */
export function describeTextFields<F extends string>(
  specs: readonly TextFieldSpec<F>[],
): FieldDescriptions<Record<F, string>> {
  return Object.fromEntries(specs.map((spec) => [spec.field, { label: spec.label }])) as FieldDescriptions<
    Record<F, string>
  >;
}
