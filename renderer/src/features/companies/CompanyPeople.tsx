import { useCallback } from 'react';
import type { ContactSummary } from '../../../../shared/schemas/contact';
import { invoke } from '../../api';
import { Avatar } from '../../components/Avatar';
import { countOf } from '../../lib/format';
import { LinkedSection } from '../record-panel';

const shown = 50;
const peopleCount = (total: number) => countOf(total, 'person', 'people');

/** The people linked to the company: the first 50 by name, and how many there are. */
export function CompanyPeople({ companyId, version }: { companyId: number; version: number }) {
  const load = useCallback(
    () => invoke('contacts.list', { companyId, sort: 'name', direction: 'asc', offset: 0, limit: shown }),
    [companyId],
  );
  return (
    <LinkedSection<ContactSummary>
      titleId={`people-${companyId}`}
      title="People"
      load={load}
      // The company's version: a change to it (people linked or detached) loads the list again.
      version={version}
      count={peopleCount}
      what="people"
      emptyText="No one is linked to this company yet."
      listLabel="People at this company"
      itemClassName="company-people__person"
      renderRow={(person) => (
        <>
          <Avatar name={person.name} photo={person.photo} />
          <span className="company-people__text">
            <span className="company-people__name">{person.name}</span>
            {person.email && <span className="company-people__email">{person.email}</span>}
          </span>
        </>
      )}
    />
  );
}
