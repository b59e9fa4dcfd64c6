import { useEffect, useId, useState, type FormEvent } from 'react';
import { AttachmentSettings as AttachmentSettingsSchema } from '../../../../shared/schemas/attachment';
import { invoke, toCrmError } from '../../api';
import { ErrorBanner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { Field } from '../../components/Field';
import { useToast } from '../../components/Toast';
import { useSubmitOnce } from '../../lib/useSubmitOnce';

// The bounds come from the schema the core checks with, so the two never disagree.
const limit = AttachmentSettingsSchema.shape.maxFileMegabytes;
const fewest = limit.minValue ?? 1;
const most = limit.maxValue ?? 200;
const outOfRange = `Enter a whole number of megabytes from ${fewest} to ${most}.`;

/** The typed text as a size limit, or the reason it is not one. */
function parseLimit(text: string): { ok: true; value: number } | { ok: false; message: string } {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, message: `Please enter a size. ${outOfRange}` };
  const value = Number(trimmed);
  return Number.isInteger(value) && value >= fewest && value <= most
    ? { ok: true, value }
    : { ok: false, message: outOfRange };
}

type Load = { state: 'loading' } | { state: 'ready' } | { state: 'failed'; message: string };

/** Settings › Attachments: how big an attached file may be. */
export function AttachmentSettings() {
  const fieldId = useId();
  const showToast = useToast();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>();
  const submitting = useSubmitOnce();
  const saving = submitting.running;

  useEffect(() => {
    let current = true;
    invoke('settings.attachments.get', {}).then(
      (settings) => {
        if (!current) return;
        setText(String(settings.maxFileMegabytes));
        setLoad({ state: 'ready' });
      },
      (thrown: unknown) => current && setLoad({ state: 'failed', message: toCrmError(thrown).message }),
    );
    return () => {
      current = false;
    };
  }, []);

  async function save(event: FormEvent) {
    event.preventDefault();
    const parsed = parseLimit(text);
    if (!parsed.ok) {
      setError(parsed.message);
      document.getElementById(fieldId)?.focus();
      return;
    }
    setError(undefined);
    if (!submitting.begin()) return;
    try {
      const saved = await invoke('settings.attachments.update', { maxFileMegabytes: parsed.value });
      setText(String(saved.maxFileMegabytes));
      showToast('Settings saved');
    } catch (thrown) {
      setError(toCrmError(thrown).message);
    } finally {
      submitting.end();
    }
  }

  if (load.state === 'failed') return <ErrorBanner title="Settings could not be loaded">{load.message}</ErrorBanner>;
  if (load.state === 'loading') return <p className="settings__loading">Loading settings…</p>;
  return (
    <form
      className="card settings-card"
      noValidate
      onSubmit={(event) => void save(event)}
      aria-labelledby="settings-attachments"
    >
      <div className="settings-card__intro">
        <h2 id="settings-attachments" className="card__title">
          Attachments
        </h2>
        <p className="card__text">
          Files attached to records are kept on this computer, inside Rolodesk's data folder.
        </p>
      </div>
      <div className="settings-card__field">
        <Field
          id={fieldId}
          label="Largest file to attach (MB)"
          hint={`Bigger files are refused. From ${fewest} to ${most} MB.`}
          error={error}
          type="number"
          inputMode="numeric"
          min={fewest}
          max={most}
          step={1}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            if (error) setError(parseLimit(event.target.value).ok ? undefined : error);
          }}
        />
      </div>
      <div className="card__actions">
        {/* aria-disabled, not disabled, while saving: a disabled button drops keyboard focus. */}
        <Button type="submit" variant="primary" aria-disabled={saving}>
          Save settings
        </Button>
      </div>
    </form>
  );
}
