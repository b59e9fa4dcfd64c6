import { useEffect, useState } from 'react';
import type { ContactSummary } from '../../../../shared/schemas/contact';
import { invoke, toCrmError } from '../../api';
import { Avatar } from '../../components/Avatar';
import { ErrorBanner } from '../../components/Banner';
import { countOf } from '../../lib/format';

const shown = 50;

/** The people linked to the company: the first 50 by name, and how many there are. */
export function CompanyPeople({ companyId, version }: { companyId: number; version: number }) {
  const [people, setPeople] = useState<{ rows: ContactSummary[]; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    invoke('contacts.list', { companyId, sort: 'name', direction: 'asc', offset: 0, limit: shown }).then(
      (page) => current && setPeople({ rows: page.rows, total: page.total }),
      (thrown: unknown) => current && setError(toCrmError(thrown).message),
    );
    return () => {
      current = false;
    };
  }, [companyId, version]);

  const titleId = `people-${companyId}`;
  return (
    <section className="company-section" aria-labelledby={titleId}>
      <h3 id={titleId} className="company-section__title">
        People
        {people && people.total > 0 && <span className="company-section__count">{countOf(people.total, 'person', 'people')}</span>}
      </h3>
      {error && <ErrorBanner title="The people could not be loaded">{error}</ErrorBanner>}
      {people === null && !error && <p className="company-section__empty">Loading…</p>}
      {people && people.total === 0 && <p className="company-section__empty">No one is linked to this company yet.</p>}
      {people && people.rows.length > 0 && (
        <ul className="company-people" aria-label="People at this company">
          {people.rows.map((person) => (
            <li key={person.id} className="company-people__person">
              <Avatar name={person.name} photo={person.photo} />
              <span className="company-people__text">
                <span className="company-people__name">{person.name}</span>
                {person.email && <span className="company-people__email">{person.email}</span>}
              </span>
            </li>
          ))}
        </ul>
      )}
      {people && people.total > people.rows.length && (
        <p className="company-section__empty">
          Showing the first {people.rows.length} of {countOf(people.total, 'person', 'people')}.
        </p>
      )}
    </section>
  );
}
