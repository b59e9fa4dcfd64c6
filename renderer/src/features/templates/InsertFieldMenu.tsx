import { useEffect, useState } from 'react';
import type { MergeField } from '../../../../shared/schemas/template';
import { invoke } from '../../api';
import { Select } from '../../components/Select';

/** The fields a template may name, as the core lists them (custom fields included). */
function useMergeFields(): MergeField[] {
  const [fields, setFields] = useState<MergeField[]>([]);
  useEffect(() => {
    let current = true;
    invoke('templates.fields', {}).then(
      (answer) => current && setFields(answer.fields),
      // The menu is a help, not a need: typing {{field}} works without it.
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, []);
  return fields;
}

const groupWords: Record<MergeField['group'], string> = { contact: 'Person', company: 'Company' };

/** "Insert field": picking one puts {{field}} where the cursor was, in the subject or the body. */
export function InsertFieldMenu({ id, onInsert }: { id: string; onInsert: (key: string) => void }) {
  const fields = useMergeFields();
  const options = [
    { value: '', label: 'Insert field…' },
    ...fields.map((field) => ({
      value: field.key,
      label: `${groupWords[field.group]}: ${field.label}  {{${field.key}}}`,
    })),
  ];
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        Insert field
      </label>
      <Select
        id={id}
        value=""
        options={options}
        onChange={(event) => {
          if (event.target.value) onInsert(event.target.value);
        }}
      />
    </div>
  );
}
