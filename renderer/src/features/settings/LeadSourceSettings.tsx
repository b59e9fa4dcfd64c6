import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { leadSourceLimits, type LeadSource } from '../../../../shared/schemas/lead-source';
import { invoke, toCrmError } from '../../api';
import { ErrorBanner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { Field } from '../../components/Field';
import { useToast } from '../../components/Toast';
import { useSubmitOnce } from '../../lib/useSubmitOnce';
import { useUnsavedWork } from '../../lib/unsavedContext';
import { movedOrder, type MoveDirection } from '../../lib/reorder';
import { useReorderWithFocus } from '../../lib/useReorderWithFocus';
import { LeadSourceRow } from './LeadSourceRow';
import { problemFor } from './problemFor';

/** Settings › Lead sources: the choices of a record's Lead source, in their order; add, rename, move, delete. */
export function LeadSourceSettings() {
  const showToast = useToast();
  const nameId = useId();
  const [sources, setSources] = useState<LeadSource[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | undefined>();
  const submitting = useSubmitOnce();
  const moving = useSubmitOnce();
  const listRef = useRef<HTMLUListElement>(null);
  const reorder = useReorderWithFocus(listRef, sources);

  const reload = useCallback(() => {
    invoke('leadSources.list', {}).then(
      (list) => {
        setSources(list.leadSources);
        setError(null);
      },
      (thrown: unknown) => setError(toCrmError(thrown).message),
    );
  }, []);
  useEffect(reload, [reload]);

  async function commit(): Promise<boolean> {
    if (name.trim() === '') {
      setNameError('Please enter a name.');
      return false;
    }
    if (!submitting.begin()) return false;
    try {
      const source = await invoke('leadSources.create', { name });
      setName('');
      setNameError(undefined);
      showToast(`Lead source “${source.name}” added`);
      reload();
      return true;
    } catch (thrown) {
      setNameError(problemFor('name', toCrmError(thrown)));
      return false;
    } finally {
      submitting.end();
    }
  }
  useUnsavedWork(name.trim() !== '', `the new lead source “${name.trim()}”`, commit);

  async function move(source: LeadSource, index: number, direction: MoveDirection) {
    const reordered = sources && movedOrder(sources, index, direction);
    if (!reordered || !moving.begin()) return;
    const ids = reordered.map((each) => each.id);
    reorder.focusAfterMove(source.id, direction);
    try {
      setSources((await invoke('leadSources.reorder', { ids })).leadSources);
    } catch (thrown) {
      showToast(toCrmError(thrown).message, 'problem');
      reload();
    } finally {
      moving.end();
    }
  }

  function add(event: FormEvent) {
    event.preventDefault();
    void commit();
  }

  return (
    <section className="card settings-card" aria-labelledby="settings-lead-sources">
      <div className="settings-card__intro">
        <h2 id="settings-lead-sources" className="card__title">
          Lead sources
        </h2>
        <p className="card__text">
          Where contacts and companies come from, such as Website or Referral. Each record can have one; lists filter
          and sort by it.
        </p>
      </div>
      <form className="settings-add" noValidate onSubmit={add}>
        <Field
          id={nameId}
          label="New lead source"
          placeholder="For example Trade fair"
          value={name}
          error={nameError}
          limit={leadSourceLimits.name}
          onChange={(event) => setName(event.target.value)}
        />
        <Button type="submit" icon="plus" aria-disabled={submitting.running}>
          Add lead source
        </Button>
      </form>
      {error && (
        <ErrorBanner title="Lead sources could not be loaded" action={<Button onClick={reload}>Try again</Button>}>
          {error}
        </ErrorBanner>
      )}
      {sources && sources.length === 0 && <p className="list-empty">No lead sources yet. Add one above.</p>}
      {sources && sources.length > 0 && (
        <ul ref={listRef} className="settings-list" aria-label="Lead sources">
          {sources.map((source, index) => (
            <LeadSourceRow
              key={source.id}
              source={source}
              first={index === 0}
              last={index === sources.length - 1}
              moveButton={(direction) => reorder.moveButton(source.id, direction)}
              onMove={(direction) => void move(source, index, direction)}
              onChanged={reload}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
