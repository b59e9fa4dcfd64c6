import type { ChoiceRename } from '../../../../shared/schemas/custom-field';

/** One row of the choices editor: the option it started as (null for a new row) and its text now. */
export interface ChoiceDraft {
  key: number;
  original: string | null;
  text: string;
}

export const draftsOf = (choices: readonly string[]): ChoiceDraft[] =>
  choices.map((choice, index) => ({ key: index, original: choice, text: choice }));

/**
 * What the rows ask of customFields.update: the new list (blank rows left
 * out) and, for each option whose row was edited, its rename, so records
 * holding it follow instead of losing their value.
 */
export function choiceChanges(drafts: readonly ChoiceDraft[]): { choices: string[]; renames: ChoiceRename[] } {
  const choices = drafts.map((draft) => draft.text.trim()).filter((text) => text !== '');
  const renames = drafts.flatMap((draft) => {
    const to = draft.text.trim();
    return draft.original !== null && to !== '' && to !== draft.original ? [{ from: draft.original, to }] : [];
  });
  return { choices, renames };
}
