import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { Trashed } from '../../../../shared/schemas/common';
import type { Deal, Stage } from '../../../../shared/schemas/deal';
import type { LinkedRecord } from '../../../../shared/schemas/record';
import { invoke, toCrmError } from '../../api';
import { ErrorBanner } from '../../components/Banner';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Icon } from '../../components/Icon';
import { RecordMeta } from '../../components/panel/RecordMeta';
import { RecordPanel } from '../../components/panel/RecordPanel';
import { useRecordLoad } from '../../components/panel/useRecordLoad';
import { AttachmentsSection } from '../attachments/AttachmentsSection';
import { DropOverlay } from '../attachments/DropOverlay';
import { useRecordFiles } from '../attachments/useRecordFiles';
import { CustomFieldInputs } from '../custom-fields/CustomFieldInputs';
import { useCustomFieldForm } from '../custom-fields/useCustomFieldForm';
import { TagPicker } from '../tags/TagPicker';
import { RecordTimeline } from '../timeline/RecordTimeline';
import { dealFields, emptyValues, fieldErrorsOf, sameValues, validate, valuesOf, type DealValues, type FieldErrors } from './dealForm';
import { DealFormFields, fieldId } from './DealFormFields';
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

const firstOpenStage = (stages: readonly Stage[]) => (stages.find((stage) => stage.kind === 'open') ?? stages[0])?.id ?? null;

/** A deal's record: its fields, tags, files and timeline; also the new-deal form. */
export function DealPanel({ dealId, prefill, stages, focusTitle, onSaved, onDeleted, onClose }: DealPanelProps) {
  const [openedId] = useState(dealId);
  const idPrefix = useId();
  const titleRef = useRef<HTMLInputElement>(null);

  const [values, setValues] = useState<DealValues>(() => emptyValues(firstOpenStage(stages), prefill));
  const { record: deal, setRecord: setDeal, load } = useRecordLoad(openedId, (id) => invoke('deals.get', { id }), (loaded) => setValues(valuesOf(loaded)));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [liveCheck, setLiveCheck] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const custom = useCustomFieldForm('deal', deal?.custom ?? null);
  const files = useRecordFiles('deal', deal?.id ?? null);
  // Bumped after each save so the timeline shows the change just made.
  const [version, setVersion] = useState(0);

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
      setVersion((current) => current + 1);
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

  const title = deal ? deal.title : openedId === null ? 'New deal' : 'Deal';
  const subtitle = deal
    ? [formatMoney(deal.valueMinor, deal.currency), deal.stageName, deal.companyName].filter(Boolean).join(' · ')
    : openedId === null
      ? 'An opportunity to follow through your pipeline.'
      : '';

  const badge = (
    <span className={deal ? `contact-panel__new-badge deal-panel__badge--${deal.stageKind}` : 'contact-panel__new-badge'} aria-hidden="true">
      <Icon name="deals" size={20} />
    </span>
  );

  return (
    <RecordPanel
      label="Deal details"
      className="deal-panel"
      badge={badge}
      title={title}
      subtitle={subtitle}
      noun="deal"
      load={load}
      holdsWork={dirty || files.queue.busy}
      busy={busy}
      onSave={(event) => void save(event)}
      onDelete={deal ? () => setConfirmingDelete(true) : null}
      onClose={onClose}
      dropHandlers={files.drop.handlers}
      overlays={
        <>
          {files.drop.over && <DropOverlay recordName={deal?.title ?? null} />}
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
        </>
      }
    >
      {problem && <ErrorBanner title="Not saved">{problem}</ErrorBanner>}
      <DealFormFields idPrefix={idPrefix} values={values} errors={errors} stages={stages} onChange={change} titleRef={titleRef} />
      <CustomFieldInputs kind="deal" values={custom.values} errors={custom.errors} onChange={custom.setValues} />
      {deal && <TagPicker record={{ kind: 'deal', id: deal.id }} />}
      {deal && <AttachmentsSection ownerName={deal.title} list={files.list} queue={files.queue} />}
      {deal && <RecordMeta createdAt={deal.createdAt} last={deal.closedAt ? { label: deal.stageKind === 'won' ? 'Won' : 'Lost', at: deal.closedAt } : { label: 'Updated', at: deal.updatedAt }} />}
      {files.record && <RecordTimeline record={files.record} version={version + files.changes} />}
    </RecordPanel>
  );
}
