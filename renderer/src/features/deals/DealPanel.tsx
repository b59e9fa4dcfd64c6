import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { Trashed } from '../../../../shared/schemas/common';
import type { Deal, Stage } from '../../../../shared/schemas/deal';
import type { LinkedRecord } from '../../../../shared/schemas/record';
import { invoke, toCrmError } from '../../api';
import { ErrorBanner } from '../../components/Banner';
import { Button, IconButton } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Icon } from '../../components/Icon';
import { exactTime, longTime } from '../../lib/format';
import { dealFields, emptyValues, fieldErrorsOf, sameValues, validate, valuesOf, type DealValues, type FieldErrors } from './dealForm';
import { DealFormFields, fieldId } from './DealFormFields';
import { CustomFieldInputs } from '../custom-fields/CustomFieldInputs';
import { useCustomFieldForm } from '../custom-fields/useCustomFieldForm';
import { TagPicker } from '../tags/TagPicker';
import { formatMoney } from './money';
import '../contacts/ContactPanel.css';
import './DealPanel.css';

/** What a new deal starts with: a company or person it was started from. */
export interface DealPrefill {
  company?: LinkedRecord | null;
  contact?: LinkedRecord | null;
}

interface DealPanelProps {
  /** The deal to show, or null for a new one. Read on mount: the panel is remounted for another deal. */
  dealId: number | null;
  prefill: DealPrefill;
  stages: readonly Stage[];
  focusTitle: boolean;
  onSaved(deal: Deal, created: boolean): void;
  onDeleted(deal: Deal, trashed: Trashed): void;
  onClose(): void;
}

type Load = { state: 'loading' } | { state: 'ready' } | { state: 'failed'; message: string };

const firstOpenStage = (stages: readonly Stage[]) => (stages.find((stage) => stage.kind === 'open') ?? stages[0])?.id ?? null;

/** A deal's record: its fields and its timeline; also the new-deal form. */
export function DealPanel({ dealId, prefill, stages, focusTitle, onSaved, onDeleted, onClose }: DealPanelProps) {
  const [openedId] = useState(dealId);
  const idPrefix = useId();
  const titleRef = useRef<HTMLInputElement>(null);

  const [deal, setDeal] = useState<Deal | null>(null);
  const [load, setLoad] = useState<Load>(openedId === null ? { state: 'ready' } : { state: 'loading' });
  const [values, setValues] = useState<DealValues>(() => emptyValues(firstOpenStage(stages), prefill));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [liveCheck, setLiveCheck] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const custom = useCustomFieldForm('deal', deal?.custom ?? null);

  useEffect(() => {
    if (openedId === null) return;
    let current = true;
    invoke('deals.get', { id: openedId }).then(
      (loaded) => {
        if (!current) return;
        setDeal(loaded);
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
    if (focusTitle && load.state === 'ready') titleRef.current?.focus();
  }, [focusTitle, load.state]);

  // A stage list that arrives after the form opened still gives a new deal its first stage.
  useEffect(() => {
    if (openedId === null && values.stageId === null && stages.length > 0) setValues((current) => ({ ...current, stageId: firstOpenStage(stages) }));
  }, [openedId, stages, values.stageId]);

  const baseline = deal ? valuesOf(deal) : emptyValues(firstOpenStage(stages), prefill);
  const dirty = !sameValues(values, baseline) || custom.dirty;
  const busy = saving || deleting;

  function change(changes: Partial<DealValues>) {
    const next = { ...values, ...changes };
    setValues(next);
    if (liveCheck) {
      const checked = validate(next);
      setErrors(checked.ok ? {} : checked.errors);
    }
  }

  function showFieldErrors(found: FieldErrors) {
    setErrors(found);
    setLiveCheck(true);
    const first = dealFields.find((field) => found[field]);
    if (first) document.getElementById(fieldId(idPrefix, first))?.focus();
  }

  async function save(event?: FormEvent) {
    event?.preventDefault();
    if (busy) return;
    setProblem(null);
    const checked = validate(values);
    const customValues = custom.take();
    if (!checked.ok) {
      showFieldErrors(checked.errors);
      return;
    }
    if (!customValues) return;
    setSaving(true);
    try {
      const input = { ...checked.input, custom: customValues };
      const saved = deal ? await invoke('deals.update', { id: deal.id, ...input }) : await invoke('deals.create', input);
      setDeal(saved);
      setValues(valuesOf(saved));
      setErrors({});
      setLiveCheck(false);
      onSaved(saved, deal === null);
    } catch (thrown) {
      const error = toCrmError(thrown);
      const { errors: found, other } = error.fields.length > 0 ? fieldErrorsOf(error.fields) : { errors: {}, other: [] };
      if (custom.showServerErrors(error.fields)) {
        setProblem('Please check the fields marked below.');
      } else if (Object.keys(found).length > 0) {
        showFieldErrors(found);
        if (other.length > 0) setProblem(other.join(' '));
      } else {
        setProblem(error.message);
      }
    } finally {
      setSaving(false);
    }
  }

  async function confirmDelete() {
    if (!deal) return;
    setDeleting(true);
    try {
      const trashed = await invoke('deals.delete', { id: deal.id });
      setConfirmingDelete(false);
      onDeleted(deal, trashed);
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

  const title = deal ? deal.title : openedId === null ? 'New deal' : 'Deal';
  const subtitle = deal
    ? [formatMoney(deal.valueMinor, deal.currency), deal.stageName, deal.companyName].filter(Boolean).join(' · ')
    : openedId === null
      ? 'An opportunity to follow through your pipeline.'
      : '';

  return (
    <aside className="contact-panel deal-panel" aria-label="Deal details" onKeyDown={onKeyDown}>
      <header className="contact-panel__header">
        <span className={deal ? `contact-panel__new-badge deal-panel__badge--${deal.stageKind}` : 'contact-panel__new-badge'} aria-hidden="true">
          <Icon name="deals" size={20} />
        </span>
        <div className="contact-panel__titles">
          <h2 className="contact-panel__title">{title}</h2>
          {subtitle && <p className="contact-panel__subtitle">{subtitle}</p>}
        </div>
        <IconButton icon="close" label="Close" onClick={onClose} />
      </header>

      {load.state === 'loading' && (
        <div className="contact-panel__loading" aria-busy="true">
          <span className="visually-hidden">Loading deal…</span>
          {[72, 55, 64, 48].map((width) => (
            <span key={width} className="skeleton skeleton--line" data-width={width} />
          ))}
        </div>
      )}

      {load.state === 'failed' && (
        <div className="contact-panel__body">
          <ErrorBanner title="This deal could not be opened" action={<Button onClick={onClose}>Close</Button>}>
            {load.message}
          </ErrorBanner>
        </div>
      )}

      {load.state === 'ready' && (
        <form className="contact-form" noValidate onSubmit={save}>
          <div className="contact-panel__body">
            {problem && <ErrorBanner title="Not saved">{problem}</ErrorBanner>}
            <DealFormFields idPrefix={idPrefix} values={values} errors={errors} stages={stages} onChange={change} titleRef={titleRef} />
            <CustomFieldInputs kind="deal" values={custom.values} errors={custom.errors} onChange={custom.setValues} />
            {deal && <TagPicker record={{ kind: 'deal', id: deal.id }} />}
            {/* RecordTimeline slot: <RecordTimeline record={{ kind: 'deal', id }} /> */}
            {deal && (
              <dl className="contact-meta">
                <div>
                  <dt>Created</dt>
                  <dd>
                    <time dateTime={deal.createdAt} title={exactTime(deal.createdAt)}>
                      {longTime(deal.createdAt)}
                    </time>
                  </dd>
                </div>
                <div>
                  <dt>{deal.closedAt ? (deal.stageKind === 'won' ? 'Won' : 'Lost') : 'Updated'}</dt>
                  <dd>
                    <time dateTime={deal.closedAt ?? deal.updatedAt} title={exactTime(deal.closedAt ?? deal.updatedAt)}>
                      {longTime(deal.closedAt ?? deal.updatedAt)}
                    </time>
                  </dd>
                </div>
              </dl>
            )}
          </div>
          <footer className="contact-panel__footer">
            {deal && (
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

      {confirmingDelete && deal && (
        <ConfirmDialog
          title={`Delete “${deal.title}”?`}
          message="It goes to the trash, and you can restore it from there."
          confirmLabel="Delete deal"
          busy={deleting}
          onConfirm={() => void confirmDelete()}
          onCancel={() => setConfirmingDelete(false)}
        />
      )}
    </aside>
  );
}
