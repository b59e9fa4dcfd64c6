import { ChoiceCard } from '../../components/ChoiceCard';
import { importKinds, type ImportKind } from '../../../../shared/schemas/import';
import { kindWords } from './importWords';

/** File › Import… and the palette: people or companies, before the file (the columns offered depend on it). */
export function KindStep({ kind, onChoose }: { kind: ImportKind; onChoose: (kind: ImportKind) => void }) {
  return (
    <fieldset className="import-choices">
      <legend className="import-step__lead">What does the file hold?</legend>
      {importKinds.map((option) => (
        <ChoiceCard
          key={option}
          name="import-kind"
          value={option}
          checked={kind === option}
          onChoose={() => onChoose(option)}
          label={kindWords[option].Plural}
          explain={
            option === 'contact'
              ? 'People, one per row or card. A company column links each person to the company, creating it if needed.'
              : 'Organisations, one per row: name, website, phone, address, industry.'
          }
        />
      ))}
    </fieldset>
  );
}
