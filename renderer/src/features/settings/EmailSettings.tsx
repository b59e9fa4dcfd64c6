import { useEffect, useId, useState, type FormEvent } from 'react';
import {
  defaultMessagesPerMinute,
  EmailSettings as EmailSettingsSchema,
  emailSecurities,
  emailSecurityLabels,
  sendingLimits,
  type EmailSecurity,
  type EmailSettingsView,
} from '../../../../shared/schemas/sending';
import { invoke, toCrmError } from '../../api';
import { ErrorBanner, WarningBanner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { Field } from '../../components/Field';
import { SelectField } from '../../components/SelectField';
import { useToast } from '../../components/Toast';
import { useSubmitOnce } from '../../lib/useSubmitOnce';
import './EmailSettings.css';

interface Draft {
  host: string;
  port: string;
  security: EmailSecurity;
  user: string;
  fromName: string;
  fromAddress: string;
  messagesPerMinute: string;
}

type FieldName = keyof Draft;
const defaultPorts: Record<EmailSecurity, string> = { tls: '465', starttls: '587', none: '25' };

const blank: Draft = {
  host: '',
  port: '587',
  security: 'starttls',
  user: '',
  fromName: '',
  fromAddress: '',
  messagesPerMinute: String(defaultMessagesPerMinute),
};

function draftOf(view: EmailSettingsView): Draft {
  const saved = view.settings;
  return saved ? { ...saved, port: String(saved.port), messagesPerMinute: String(saved.messagesPerMinute) } : blank;
}

/** The typed values checked with the schema the core uses: the settings, or each field's problem in words. */
function check(draft: Draft) {
  const whole = (text: string) =>
    /^\s*\d+\s*$/.test(text) ? Number(text) : text.trim() === '' ? undefined : Number.NaN;
  const parsed = EmailSettingsSchema.safeParse({
    ...draft,
    port: whole(draft.port),
    messagesPerMinute: whole(draft.messagesPerMinute),
  });
  if (parsed.success) return { ok: true as const, settings: parsed.data };
  const problems: Partial<Record<FieldName, string>> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as FieldName;
    problems[field] ??=
      field === 'port' && issue.code === 'invalid_type'
        ? 'Enter the port as a whole number (often 587 or 465).'
        : issue.message;
  }
  return { ok: false as const, problems };
}

type Load = { state: 'loading' } | { state: 'ready'; view: EmailSettingsView } | { state: 'failed'; message: string };
type TestOutcome = { sent: boolean; message: string } | undefined;

/** Settings › Email: the user's own mail server, the password (kept by the system, never shown) and a test message. */
export function EmailSettings() {
  const id = useId();
  const showToast = useToast();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [draft, setDraft] = useState<Draft>(blank);
  const [password, setPassword] = useState('');
  const [problems, setProblems] = useState<Partial<Record<FieldName, string>>>({});
  const [saveError, setSaveError] = useState<string | undefined>();
  const [test, setTest] = useState<TestOutcome>();
  const saving = useSubmitOnce();
  const testing = useSubmitOnce();

  useEffect(() => {
    let current = true;
    invoke('sending.settings.get', {}).then(
      (view) => {
        if (!current) return;
        setDraft(draftOf(view));
        setLoad({ state: 'ready', view });
      },
      (thrown: unknown) => current && setLoad({ state: 'failed', message: toCrmError(thrown).message }),
    );
    return () => {
      current = false;
    };
  }, []);

  const change = (field: FieldName) => (value: string) => {
    setDraft((old) => {
      const next = { ...old, [field]: value };
      // Picking the security picks its usual port, unless the user typed another.
      if (field === 'security' && old.port === defaultPorts[old.security])
        next.port = defaultPorts[value as EmailSecurity];
      return next;
    });
    if (problems[field]) setProblems((old) => ({ ...old, [field]: undefined }));
  };

  async function save(event: FormEvent) {
    event.preventDefault();
    const checked = check(draft);
    if (!checked.ok) {
      setProblems(checked.problems);
      const first = (Object.keys(blank) as FieldName[]).find((field) => checked.problems[field]);
      if (first) document.getElementById(`${id}-${first}`)?.focus();
      return;
    }
    setProblems({});
    setSaveError(undefined);
    await saving.run(async () => {
      try {
        let view = await invoke('sending.settings.update', checked.settings);
        if (password !== '') view = await invoke('sending.setPassword', { password });
        setPassword('');
        setDraft(draftOf(view));
        setLoad({ state: 'ready', view });
        showToast('Email settings saved');
      } catch (thrown) {
        setSaveError(toCrmError(thrown).message);
      }
    });
  }

  async function forgetPassword() {
    await saving.run(async () => {
      try {
        const view = await invoke('sending.setPassword', { password: '' });
        setLoad({ state: 'ready', view });
        showToast('Password forgotten');
      } catch (thrown) {
        setSaveError(toCrmError(thrown).message);
      }
    });
  }

  async function sendTest() {
    setTest(undefined);
    await testing.run(async () => {
      try {
        setTest(await invoke('sending.test', {}));
      } catch (thrown) {
        setTest({ sent: false, message: toCrmError(thrown).message });
      }
    });
  }

  if (load.state === 'failed')
    return <ErrorBanner title="Email settings could not be loaded">{load.message}</ErrorBanner>;
  if (load.state === 'loading') return <p className="settings__loading">Loading settings…</p>;
  const { view } = load;
  const field = (
    name: FieldName,
    label: string,
    extra: { hint?: string; type?: string; limit?: number; inputMode?: 'numeric'; autoComplete?: string } = {},
  ) => (
    <Field
      id={`${id}-${name}`}
      label={label}
      error={problems[name]}
      value={draft[name]}
      onChange={(event) => change(name)(event.target.value)}
      spellCheck={false}
      {...extra}
    />
  );
  return (
    <form
      className="card settings-card email-settings"
      noValidate
      onSubmit={(event) => void save(event)}
      aria-labelledby={`${id}-title`}
    >
      <div className="settings-card__intro">
        <h2 id={`${id}-title`} className="card__title">
          Email
        </h2>
        <p className="card__text">
          Campaign messages go out through your own mail server, the one your email program uses. Your provider's help
          pages list these details.
        </p>
      </div>
      {!view.passwordStorage.available && (
        <WarningBanner title="Passwords cannot be kept on this computer">{view.passwordStorage.problem}</WarningBanner>
      )}
      <div className="email-settings__grid">
        {field('host', 'Server name', { hint: 'For example smtp.example.com', limit: sendingLimits.host })}
        {field('port', 'Port', { inputMode: 'numeric' })}
        <SelectField
          id={`${id}-security`}
          label="Connection security"
          value={draft.security}
          error={problems.security}
          options={emailSecurities.map((security) => ({ value: security, label: emailSecurityLabels[security] }))}
          onChange={change('security')}
        />
        {field('user', 'User name', {
          hint: 'Often your email address. Leave empty if the server needs no login.',
          limit: sendingLimits.user,
          autoComplete: 'off',
        })}
        <div className="email-settings__password">
          <Field
            id={`${id}-password`}
            label="Password"
            type="password"
            autoComplete="new-password"
            hint={
              view.passwordSaved
                ? 'A password is saved. Type a new one to replace it.'
                : 'Kept encrypted by your computer, never in Rolodesk’s data or backups.'
            }
            placeholder={view.passwordSaved ? 'Saved' : ''}
            limit={sendingLimits.password}
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            disabled={!view.passwordStorage.available}
          />
          {view.passwordSaved && (
            <Button variant="ghost" size="small" onClick={() => void forgetPassword()}>
              Forget password
            </Button>
          )}
        </div>
        {field('fromName', 'From name', {
          hint: 'What people see as the sender, for example Berg & Co.',
          limit: sendingLimits.fromName,
        })}
        {field('fromAddress', 'From address', {
          hint: 'Replies, including unsubscribe requests, come back here.',
          type: 'email',
          limit: sendingLimits.fromAddress,
        })}
        {field('messagesPerMinute', 'Messages per minute', {
          hint: 'From 1 to 600. Many providers limit this; 30 is safe.',
          inputMode: 'numeric',
        })}
      </div>
      {saveError && <ErrorBanner title="Not saved">{saveError}</ErrorBanner>}
      <div className="card__actions email-settings__actions">
        <Button type="submit" variant="primary" aria-disabled={saving.running}>
          {saving.running ? 'Saving…' : 'Save email settings'}
        </Button>
        <Button onClick={() => void sendTest()} aria-disabled={testing.running || !view.settings}>
          {testing.running ? 'Sending a test…' : 'Send a test message'}
        </Button>
      </div>
      <div role="status" className="email-settings__test">
        {!view.settings && 'Save the settings first, then send yourself a test message.'}
        {test && (
          <p className={test.sent ? 'email-settings__result' : 'email-settings__result email-settings__result--failed'}>
            {test.message}
          </p>
        )}
      </div>
    </form>
  );
}
