import { useEffect, useId, useRef, useState } from 'react';
import type { Trashed } from '../../../../shared/schemas/common';
import type { Deal, Stage } from '../../../../shared/schemas/deal';
import type { LinkedRecord } from '../../../../shared/schemas/record';
import { invoke } from '../../api';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Icon } from '../../components/Icon';
import { useRecordDelete } from '../../components/panel/useRecordDelete';
import type { FieldDescriptions } from '../../components/panel/reviewRows';
import { useRecordEditor } from '../../components/panel/useRecordEditor';
import { FieldedRecordPanel } from '../record-panel';
import { dealFields, emptyValues, fieldErrorsOf, sameValues, validate, valuesOf, type DealValues } from './dealForm';
import { DealFormFields } from './DealFormFields';
import { formatMoney } from '../../lib/money';
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
  onSaved: (deal: Deal, created: boolean) => void;
  /** `trashed` is null when the deal was already gone. */
  onDeleted: (trashed: Trashed | null) => void;
  onClose: () => void;
}

const dealRules = { fields: dealFields, validate, fieldErrorsOf };

const firstOpenStage = (stages: readonly Stage[]) =>
  (stages.find((stage) => stage.kind === 'open') ?? stages[0])?.id ?? null;
const fetchDeal = (id: number) => invoke('deals.get', { id });

/** The deal form's fields as the review of a conflict names and reads them. */
function describeDeal(stages: readonly Stage[]): FieldDescriptions<DealValues> {
  return {
    title: { label: 'Title' },
    company: { label: 'Company', text: (company) => company?.name ?? '' },
    contact: { label: 'Contact', text: (contact) => contact?.name ?? '' },
    amount: { label: 'Value' },
    currency: { label: 'Currency' },
    stageId: { label: 'Stage', text: (stageId) => stages.find((stage) => stage.id === stageId)?.name ?? '' },
    probability: {
      label: 'Probability',
      text: (probability) => (probability.trim() === '' ? '' : `${probability.trim().replace(/%$/, '')}%`),
    },
    expectedCloseDate: { label: 'Expected close' },
    owner: { label: 'Owner' },
    notes: { label: 'Notes' },
  };
}

/** A deal's record: its fields, tags, files and timeline; also the new-deal form. */
export function DealPanel({ dealId, prefill, stages, focusTitle, onSaved, onDeleted, onClose }: DealPanelProps) {
  const [openedId] = useState(dealId);
  const idPrefix = useId();
  const titleRef = useRef<HTMLInputElement>(null);

  const editor = useRecordEditor({
    kind: 'deal',
    openedId,
    fetch: fetchDeal,
    valuesOf,
    emptyValues: () => emptyValues(firstOpenStage(stages), prefill),
    sameValues,
    describe: describeDeal(stages),
    rules: dealRules,
    idPrefix,
    persist: (input, current) =>
      current
        ? invoke('deals.update', { id: current.id, version: current.version, ...input })
        : invoke('deals.create', input),
    onSaved,
  });
  const { record: deal, load, form } = editor;
  const { values, setValues } = form;

  useEffect(() => {
    if (focusTitle && load.state === 'ready') titleRef.current?.focus();
  }, [focusTitle, load.state]);

  // A stage list that arrives after the form opened still gives a new deal its first stage.
  useEffect(() => {
    if (openedId === null && values.stageId === null && stages.length > 0)
      setValues((current) => ({ ...current, stageId: firstOpenStage(stages) }));
  }, [openedId, stages, values.stageId, setValues]);

  const removal = useRecordDelete((id: number) => invoke('deals.delete', { id }), {
    deleted: onDeleted,
    problem: form.setProblem,
  });

  const title = deal ? deal.title : openedId === null ? 'New deal' : 'Deal';
  const subtitle = deal
    ? [formatMoney(deal.valueMinor, deal.currency), deal.stageName, deal.companyName].filter(Boolean).join(' · ')
    : openedId === null
      ? 'An opportunity to follow through your pipeline.'
      : '';

  const badge = (
    <span
      className={deal ? `record-panel__new-badge deal-panel__badge--${deal.stageKind}` : 'record-panel__new-badge'}
      aria-hidden="true"
    >
      <Icon name="deals" size={20} />
    </span>
  );

  return (
    <FieldedRecordPanel
      kind="deal"
      label="Deal details"
      className="deal-panel"
      badge={badge}
      title={title}
      subtitle={subtitle}
      noun="deal"
      editor={editor}
      saved={
        deal && {
          id: deal.id,
          name: deal.title,
          tagIds: deal.tagIds,
          createdAt: deal.createdAt,
          last: deal.closedAt
            ? { label: deal.stageKind === 'won' ? 'Won' : 'Lost', at: deal.closedAt }
            : { label: 'Updated', at: deal.updatedAt },
        }
      }
      removal={removal}
      onClose={onClose}
      deleteDialog={
        removal.asking &&
        deal && (
          <ConfirmDialog
            title={`Delete “${deal.title}”?`}
            message="It goes to the trash, and you can restore it from there."
            confirmLabel="Delete deal"
            busy={removal.deleting}
            onConfirm={() => void removal.confirm(deal.id)}
            onCancel={removal.cancel}
          />
        )
      }
    >
      <DealFormFields
        idPrefix={idPrefix}
        values={values}
        errors={form.errors}
        stages={stages}
        onChange={form.change}
        titleRef={titleRef}
      />
    </FieldedRecordPanel>
  );
}
