import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { Company } from '../../../../shared/schemas/company';
import type { Trashed } from '../../../../shared/schemas/common';
import { invoke, toCrmError } from '../../api';
import { Avatar } from '../../components/Avatar';
import { ErrorBanner } from '../../components/Banner';
import { Button, IconButton } from '../../components/Button';
import { Icon } from '../../components/Icon';
import { exactTime, longTime } from '../../lib/format';
import { RecordTimeline } from '../timeline/RecordTimeline';
import { CompanyPeople } from './CompanyPeople';
import { CompanyFormFields, fieldId } from './CompanyForm';
import { companyFields, emptyValues, fieldErrorsOf, sameValues, validate, valuesOf, type CompanyField, type CompanyValues, type FieldErrors } from './companyForm';
import { DeleteCompanyDialog, type PeopleChoice } from './DeleteCompanyDialog';
import '../contacts/ContactPanel.css';
import './CompanyPanel.css';

interface CompanyPanelProps {
  /** The company to show, or null for a new one. Read on mount: the panel is remounted for another company. */
  companyId: number | null;
  focusName: boolean;
  onSaved(company: Company, created: boolean): void;
  onDeleted(company: Company, trashed: Trashed): void;
  onClose(): void;
}

type Load = { state: 'loading' } | { state: 'ready' } | { state: 'failed'; message: string };

/** A company's record: its fields, its people and its timeline; also the new-company form. */
export function CompanyPanel({ companyId, focusName, onSaved, onDeleted, onClose }: CompanyPanelProps) {
  const [openedId] = useState(companyId);
  const idPrefix = useId();
  const nameRef = useRef<HTMLInputElement>(null);

  const [company, setCompany] = useState<Company | null>(null);
  const [load, setLoad] = useState<Load>(openedId === null ? { state: 'ready' } : { state: 'loading' });
  const [values, setValues] = useState<CompanyValues>(emptyValues);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [liveCheck, setLiveCheck] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const [deleting, setDeleting] = useState(false);
  // Bumped after each save so the timeline shows the change just made.
  const [version, setVersion] = useState(0);

  useEffect(() => {
    if (openedId === null) return;
    let current = true;
    invoke('companies.get', { id: openedId }).then(
      (loaded) => {
        if (!current) return;
        setCompany(loaded);
        setValues(valuesOf(loaded));
        setLoad({ state: 'ready' });
      },
      (error: unknown) => current && setLoad({ state: 'failed', message: toCrmError(error).message }),
    );
    return () => {
      current = false;
    };
  }, [openedId]);

  useEffect(() => {
    if (focusName && load.state === 'ready') nameRef.current?.focus();
  }, [focusName, load.state]);

  const baseline = company ? valuesOf(company) : emptyValues;
  const dirty = !sameValues(values, baseline);
  const busy = saving || deleting;

  function change(field: CompanyField, value: string) {
    const next = { ...values, [field]: value };
    setValues(next);
    if (liveCheck) {
      const checked = validate(next);
      setErrors(checked.ok ? {} : checked.errors);
    }
  }

  function showFieldErrors(found: FieldErrors) {
    setErrors(found);
    setLiveCheck(true);
    const first = companyFields.find((field) => found[field]);
    if (first) document.getElementById(fieldId(idPrefix, first))?.focus();
  }

  async function save(event?: FormEvent) {
    event?.preventDefault();
    if (busy) return;
    setProblem(null);
    const checked = validate(values);
    if (!checked.ok) {
      showFieldErrors(checked.errors);
      return;
    }
    setSaving(true);
    try {
      const saved = company
        ? await invoke('companies.update', { id: company.id, ...checked.draft })
        : await invoke('companies.create', checked.draft);
      setCompany(saved);
      setValues(valuesOf(saved));
      setErrors({});
      setLiveCheck(false);
      setVersion((current) => current + 1);
      onSaved(saved, company === null);
    } catch (thrown) {
      const error = toCrmError(thrown);
      const { errors: found, other } = error.code === 'VALIDATION' ? fieldErrorsOf(error.fields) : { errors: {}, other: [] };
      if (Object.keys(found).length > 0) {
        showFieldErrors(found);
        if (other.length > 0) setProblem(other.join(' '));
      } else {
        setProblem(error.message);
      }
    } finally {
      setSaving(false);
    }
  }

  async function confirmDelete(people: PeopleChoice | undefined) {
    if (!company) return;
    setDeleting(true);
    try {
      const trashed = await invoke('companies.delete', people ? { id: company.id, contacts: people } : { id: company.id });
      setConfirmingDelete(false);
      onDeleted(company, trashed);
    } catch (thrown) {
      const error = toCrmError(thrown);
      setConfirmingDelete(false);
      if (error.code === 'NOT_FOUND') onClose();
      else setProblem(error.message);
    } finally {
      setDeleting(false);
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLElement>) {
    if (!event.currentTarget.contains(event.target as Node)) return;
    if (event.key === 'Escape' && !dirty && !busy) {
      event.preventDefault();
      onClose();
    }
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) void save();
  }

  const title = company ? company.name : openedId === null ? 'New company' : 'Company';
  const subtitle = company ? [company.industry, company.website].filter(Boolean).join(' · ') : openedId === null ? 'Add an organisation you work with.' : '';

  return (
    <aside className="contact-panel company-panel" aria-label="Company details" onKeyDown={onKeyDown}>
      <header className="contact-panel__header">
        {company ? (
          <Avatar name={company.name} photo={null} size="large" />
        ) : (
          <span className="contact-panel__new-badge" aria-hidden="true">
            <Icon name="companies" size={20} />
          </span>
        )}
        <div className="contact-panel__titles">
          <h2 className="contact-panel__title">{title}</h2>
          {subtitle && <p className="contact-panel__subtitle">{subtitle}</p>}
        </div>
        <IconButton icon="close" label="Close" onClick={onClose} />
      </header>

      {load.state === 'loading' && (
        <div className="contact-panel__loading" aria-busy="true">
          <span className="visually-hidden">Loading company…</span>
          {[72, 55, 64, 48].map((width) => (
            <span key={width} className="skeleton skeleton--line" data-width={width} />
          ))}
        </div>
      )}

      {load.state === 'failed' && (
        <div className="contact-panel__body">
          <ErrorBanner title="This company could not be opened" action={<Button onClick={onClose}>Close</Button>}>
            {load.message}
          </ErrorBanner>
        </div>
      )}

      {load.state === 'ready' && (
        <form className="contact-form" noValidate onSubmit={save}>
          <div className="contact-panel__body">
            {problem && <ErrorBanner title="Not saved">{problem}</ErrorBanner>}
            <CompanyFormFields idPrefix={idPrefix} values={values} errors={errors} onChange={change} nameRef={nameRef} />
            {company && <CompanyPeople companyId={company.id} version={version} />}
            {company && (
              <dl className="contact-meta">
                <div>
                  <dt>Created</dt>
                  <dd>
                    <time dateTime={company.createdAt} title={exactTime(company.createdAt)}>
                      {longTime(company.createdAt)}
                    </time>
                  </dd>
                </div>
                <div>
                  <dt>Updated</dt>
                  <dd>
                    <time dateTime={company.updatedAt} title={exactTime(company.updatedAt)}>
                      {longTime(company.updatedAt)}
                    </time>
                  </dd>
                </div>
              </dl>
            )}
            {company && <RecordTimeline record={{ kind: 'company', id: company.id }} version={version} />}
          </div>
          <footer className="contact-panel__footer">
            {company && (
              <Button variant="ghost" icon="trash" aria-disabled={busy} onClick={() => !busy && setConfirmingDelete(true)}>
                Delete
              </Button>
            )}
            <span className="contact-panel__spacer" />
            <Button onClick={() => !busy && onClose()} aria-disabled={busy}>
              Cancel
            </Button>
            <Button type="submit" variant="primary" aria-disabled={busy}>
              Save
            </Button>
          </footer>
        </form>
      )}

      {confirmingDelete && company && (
        <DeleteCompanyDialog
          company={company}
          busy={deleting}
          onConfirm={(people) => void confirmDelete(people)}
          onCancel={() => setConfirmingDelete(false)}
        />
      )}
    </aside>
  );
}
