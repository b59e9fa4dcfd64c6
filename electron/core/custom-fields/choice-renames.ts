import type { ChoiceRename, CustomField } from '../../../shared/schemas/custom-field';
import { invalid } from '../records/problems';

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * The renames a new list of choices makes: those Settings names (the option
 * the user edited), and every option whose word is kept in other capitals
 * ("Large" → "LARGE"). A rename onto another existing choice would merge
 * two choices, so it is refused with the number of records it would touch.
 */
export function plannedRenames(
  field: CustomField,
  choices: readonly string[],
  named: readonly ChoiceRename[],
  usedOn: (choice: string) => number,
): ChoiceRename[] {
  const renames: ChoiceRename[] = [];
  for (const { from: typedFrom, to } of named) {
    const from = field.choices.find((choice) => same(choice, typedFrom.trim()));
    if (from === undefined)
      throw invalid('renames', `“${typedFrom.trim()}” is not one of the choices of ${field.label}.`);
    if (!choices.includes(to)) throw invalid('renames', `“${to}” is not in the new list of choices.`);
    const other = field.choices.find((choice) => choice !== from && same(choice, to));
    if (other !== undefined) {
      const used = usedOn(from);
      throw invalid(
        'renames',
        `“${from}” is chosen on ${used.toLocaleString('en')} ${used === 1 ? 'record' : 'records'} and cannot become “${to}”, which is already a choice.`,
      );
    }
    if (from !== to) renames.push({ from, to });
  }
  for (const from of field.choices) {
    if (named.some((rename) => same(rename.from.trim(), from))) continue;
    const to = choices.find((choice) => same(choice, from));
    if (to !== undefined && to !== from) renames.push({ from, to });
  }
  return renames;
}
