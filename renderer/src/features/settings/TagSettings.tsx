import { useId, useState, type FormEvent } from 'react';
import { tagColors, tagLimits } from '../../../../shared/schemas/tag';
import { invoke, toCrmError } from '../../api';
import { ErrorBanner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { Field } from '../../components/Field';
import { useToast } from '../../components/Toast';
import { useTags } from '../tags';
import { problemFor } from './problemFor';
import { TagRow } from './TagRow';
import { useSubmitOnce } from '../../lib/useSubmitOnce';
import { useUnsavedWork } from '../../lib/unsavedContext';

/** Settings › Tags: every tag with how many records carry it; add, rename, recolour, delete. */
export function TagSettings() {
  const showToast = useToast();
  const nameId = useId();
  const { tags, error, reload } = useTags();
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | undefined>();
  const submitting = useSubmitOnce();
  const busy = submitting.running;

  async function commit(): Promise<boolean> {
    if (name.trim() === '') {
      setNameError('Please enter a name.');
      return false;
    }
    if (!submitting.begin()) return false;
    try {
      const tag = await invoke('tags.create', {
        name,
        color: tagColors[(tags?.length ?? 0) % tagColors.length] ?? 'gray',
      });
      setName('');
      setNameError(undefined);
      showToast(`Tag “${tag.name}” added`);
      reload();
      return true;
    } catch (thrown) {
      setNameError(problemFor('name', toCrmError(thrown)));
      return false;
    } finally {
      submitting.end();
    }
  }
  useUnsavedWork(name.trim() !== '', `the new tag “${name.trim()}”`, commit);

  function add(event: FormEvent) {
    event.preventDefault();
    void commit();
  }

  return (
    <section className="card settings-card" aria-labelledby="settings-tags">
      <div className="settings-card__intro">
        <h2 id="settings-tags" className="card__title">
          Tags
        </h2>
        <p className="card__text">
          Labels such as VIP or Supplier that group contacts, companies and deals. Lists can be filtered by them.
        </p>
      </div>
      <form className="settings-add" noValidate onSubmit={add}>
        <Field
          id={nameId}
          label="New tag"
          placeholder="For example VIP"
          value={name}
          error={nameError}
          limit={tagLimits.name}
          onChange={(event) => setName(event.target.value)}
        />
        <Button type="submit" icon="plus" aria-disabled={busy}>
          Add tag
        </Button>
      </form>
      {error && (
        <ErrorBanner title="Tags could not be loaded" action={<Button onClick={reload}>Try again</Button>}>
          {error}
        </ErrorBanner>
      )}
      {tags && tags.length === 0 && (
        <p className="list-empty">No tags yet. Add one above, or type a new tag on any record.</p>
      )}
      {tags && tags.length > 0 && (
        <ul className="settings-list" aria-label="Tags">
          {tags.map((tag) => (
            <TagRow key={tag.id} tag={tag} onChanged={reload} />
          ))}
        </ul>
      )}
    </section>
  );
}
