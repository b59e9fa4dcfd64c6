import { useEffect, useState } from 'react';
import type { z } from 'zod';
import type { ErasureLog as ErasureEntries } from '../../../../shared/schemas/privacy';
import { invoke, toCrmError } from '../../api';
import { ErrorBanner } from '../../components/Banner';

type Entries = z.infer<typeof ErasureEntries>['entries'];

/** Settings › Erased people: the anonymous record of erasures, a day each and nothing that leads back to the person. */
export function ErasureLog() {
  const [entries, setEntries] = useState<Entries | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    invoke('privacy.erasures', {}).then(
      ({ entries: list }) => setEntries(list),
      (error: unknown) => setProblem(toCrmError(error).message),
    );
  }, []);

  if (problem) return <ErrorBanner title="The record of erasures could not be loaded">{problem}</ErrorBanner>;
  return (
    <section className="card settings-card" aria-labelledby="settings-erasures">
      <div className="settings-card__intro">
        <h2 id="settings-erasures" className="card__title">
          Erased people
        </h2>
        <p className="card__text">
          When someone asks to be erased, Rolodesk removes everything about them and keeps only the day it happened
          here, without their name. Backups taken before that day still hold them until they age out.
        </p>
      </div>
      {entries === null && <p className="card__text">Loading…</p>}
      {entries?.length === 0 && <p className="card__text">No one has been erased.</p>}
      {entries && entries.length > 0 && (
        <ul aria-label="Erasures" className="card__text">
          {entries.map((entry, index) => (
            <li key={index}>{entry.text}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
