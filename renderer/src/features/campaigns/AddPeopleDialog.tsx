import { useCallback, useState } from 'react';
import type { Campaign } from '../../../../shared/schemas/campaign';
import type { LinkedRecord } from '../../../../shared/schemas/record';
import { invoke, toCrmError } from '../../api';
import { Button, IconButton } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { FieldError } from '../../components/FieldError';
import { useSubmitOnce } from '../../lib/useSubmitOnce';
import { RecordPicker, type PickerOption } from '../deals';
import { addedWords } from './addedWords';

const pickerLimit = 20;

/** Add people by hand: find each by name or email, then add them all at once. */
export function AddPeopleDialog({
  campaign,
  onCancel,
  onAdded,
}: {
  campaign: Campaign;
  onCancel: () => void;
  onAdded: (message: string) => void;
}) {
  const [chosen, setChosen] = useState<PickerOption[]>([]);
  const [problem, setProblem] = useState<string | undefined>();
  const submit = useSubmitOnce();

  const findPeople = useCallback(async (search: string): Promise<PickerOption[]> => {
    const page = await invoke('contacts.list', {
      search,
      sort: 'name',
      direction: 'asc',
      offset: 0,
      limit: pickerLimit,
    });
    return page.rows.map((contact) => ({
      id: contact.id,
      name: contact.name,
      detail: [contact.email, contact.company].filter(Boolean).join(' · '),
    }));
  }, []);

  const pick = (person: PickerOption | null) => {
    if (person && !chosen.some((one) => one.id === person.id)) setChosen([...chosen, person]);
  };

  async function add() {
    if (chosen.length === 0 || !submit.begin()) return;
    try {
      onAdded(
        addedWords(
          await invoke('campaigns.addMembers', {
            campaignId: campaign.id,
            contactIds: chosen.map((person) => person.id),
          }),
        ),
      );
    } catch (error) {
      setProblem(toCrmError(error).message);
    } finally {
      submit.end();
    }
  }

  const none: LinkedRecord | null = null;
  return (
    <Dialog
      title={`Add people to “${campaign.name}”`}
      description="Those who unsubscribed or must not be contacted are left out and counted."
      onCancel={onCancel}
      size="medium"
    >
      <RecordPicker
        id="add-person"
        label="Find a person"
        value={none}
        placeholder="Search by name or email…"
        search={findPeople}
        onChange={pick}
      />
      {chosen.length > 0 && (
        <ul className="campaign-summary" aria-label="People to add">
          {chosen.map((person) => (
            <li key={person.id}>
              {person.name} {person.detail && <span className="campaigns__muted">{person.detail}</span>}
              <IconButton
                icon="close"
                label={`Do not add ${person.name}`}
                onClick={() => setChosen(chosen.filter((one) => one.id !== person.id))}
              />
            </li>
          ))}
        </ul>
      )}
      <FieldError id="add-people-error" message={problem} />
      <div className="dialog__actions">
        <Button onClick={onCancel}>Cancel</Button>
        <Button
          variant="primary"
          icon="userPlus"
          disabled={chosen.length === 0 || submit.running}
          onClick={() => void add()}
        >
          {chosen.length === 1 ? 'Add 1 person' : `Add ${chosen.length} people`}
        </Button>
      </div>
    </Dialog>
  );
}
