import { ChoiceCard } from '../../components/ChoiceCard';
import { countOf } from '../../lib/format';
import { duplicateChoices, countsInWords, wholeNumber } from './importWords';
import type { DuplicateAction, Preview } from '../../../../shared/schemas/import';

interface DuplicatesStepProps {
  plural: string;
  kind: 'contact' | 'company';
  choice: DuplicateAction;
  /** What each choice gives over the whole file. */
  counts: Record<DuplicateAction, Preview['counts']>;
  /** Rows that match a record already in Rolodesk or an earlier row (those skipped under 'skip'). */
  matching: number;
  onChoose: (action: DuplicateAction) => void;
  /** Rows that would change the consent of people who opted out, under Overwrite; and whether to let them. */
  optOutChanges: number;
  overwriteOptOuts: boolean;
  onOverwriteOptOuts: (overwrite: boolean) => void;
}

/** What to do with rows that match a record already there (or an earlier row): each choice with what it would give. */
export function DuplicatesStep({
  plural,
  kind,
  choice,
  counts,
  matching,
  onChoose,
  optOutChanges,
  overwriteOptOuts,
  onOverwriteOptOuts,
}: DuplicatesStepProps) {
  const how =
    kind === 'contact'
      ? 'the same email address, or else the same phone number'
      : 'the same name or website, or else the same phone number';
  return (
    <fieldset className="import-choices">
      <legend className="import-step__lead">
        {matching === 0
          ? `No row matches ${plural} already in Rolodesk or another row of the file, so this choice changes nothing.`
          : `Rows match ${plural} already in Rolodesk (or an earlier row) when they have ${how}. What should happen to them?`}
      </legend>
      {matching === 0 && <p className="import-choice__result">Every choice gives: {countsInWords(counts[choice])}.</p>}
      {duplicateChoices.map((option) => {
        return (
          <ChoiceCard
            key={option.action}
            name="import-duplicates"
            value={option.action}
            checked={choice === option.action}
            onChoose={() => onChoose(option.action)}
            label={option.label}
            explain={option.explain(plural)}
          >
            {/* With no matches every choice gives the same, said once above. */}
            {matching > 0 && <span className="import-choice__result">{countsInWords(counts[option.action])}</span>}
          </ChoiceCard>
        );
      })}
      {choice === 'overwrite' && optOutChanges > 0 && (
        <label className="import-choice__opt-outs">
          <input
            type="checkbox"
            checked={overwriteOptOuts}
            onChange={(event) => onOverwriteOptOuts(event.target.checked)}
          />{' '}
          Also change people who unsubscribed or asked not to be contacted ({wholeNumber(optOutChanges)})
        </label>
      )}
      {choice === 'overwrite' && optOutChanges > 0 && !overwriteOptOuts && (
        <p className="import-choice__result">
          {countOf(optOutChanges, 'person keeps', 'people keep')} their marketing consent as it is.
        </p>
      )}
    </fieldset>
  );
}
