import { useRef } from 'react';
import type { Company } from '../../../../shared/schemas/company';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { countOf } from '../../lib/format';

export type PeopleChoice = 'detach' | 'trash';

interface DeleteCompanyDialogProps {
  company: Company;
  busy: boolean;
  /** undefined when the company has no people to decide about. */
  onConfirm: (people: PeopleChoice | undefined) => void;
  onCancel: () => void;
}

/** Asks before a company goes to the trash and, when it has people, what happens to them. Cancel has focus first. */
export function DeleteCompanyDialog({ company, busy, onConfirm, onCancel }: DeleteCompanyDialogProps) {
  const cancelRef = useRef<HTMLButtonElement>(null);
  const people = company.contactCount;
  const description =
    people > 0
      ? `${company.name} has ${countOf(people, 'person', 'people')}. What should happen to them? You can restore everything from the trash.`
      : 'It goes to the trash, and you can restore it from there.';
  return (
    <Dialog
      title={`Delete ${company.name}?`}
      description={description}
      onCancel={onCancel}
      initialFocus={cancelRef}
      size={people > 0 ? 'medium' : 'normal'}
    >
      <div className={people > 0 ? 'dialog__actions company-delete__choices' : 'dialog__actions'}>
        <Button ref={cancelRef} onClick={onCancel} disabled={busy}>
          Cancel
        </Button>
        {people > 0 ? (
          <>
            <Button variant="primary" onClick={() => onConfirm('detach')} disabled={busy}>
              Keep the people (remove the company from them)
            </Button>
            <Button variant="danger" icon="trash" onClick={() => onConfirm('trash')} disabled={busy}>
              Move the people to the trash too
            </Button>
          </>
        ) : (
          <Button variant="danger" icon="trash" onClick={() => onConfirm(undefined)} disabled={busy}>
            Delete company
          </Button>
        )}
      </div>
    </Dialog>
  );
}
