import { useEffect, useId, useRef, useState } from 'react';
import { leadSourceLimits } from '../../../../shared/schemas/lead-source';
import { LeadSourceFields } from '../lead-sources';
import { companyLimits, type Company } from '../../../../shared/schemas/company';
import type { Trashed } from '../../../../shared/schemas/common';
import { invoke } from '../../api';
import { Avatar } from '../../components/Avatar';
import { Icon } from '../../components/Icon';
import { TextFields } from '../../components/TextFields';
import { useRecordDelete } from '../../components/panel/useRecordDelete';
import { describeTextFields } from '../../components/panel/describeFields';
import { useRecordEditor } from '../../components/panel/useRecordEditor';
import { RecordDeals } from '../deals';
import { FieldedRecordPanel } from '../record-panel';
import { CompanyPeople } from './CompanyPeople';
import { companyFieldSpecs } from './companyFieldSpecs';
import { companyFields, emptyValues, fieldErrorsOf, sameValues, validate, valuesOf } from './companyForm';
import { DeleteCompanyDialog, type PeopleChoice } from './DeleteCompanyDialog';
import './CompanyPanel.css';

const companyRules = { fields: companyFields, validate, fieldErrorsOf };
const describeCompany = describeTextFields(companyFieldSpecs);
// Every form field's limit; lead source and UTM are shown by their own fields.
const companyFormLimits = {
  ...companyLimits,
  leadSource: leadSourceLimits.name,
  utmSource: leadSourceLimits.utm,
  utmMedium: leadSourceLimits.utm,
  utmCampaign: leadSourceLimits.utm,
};
const fetchCompany = (id: number) => invoke('companies.get', { id });

interface CompanyPanelProps {
  /** The company to show, or null for a new one. Read on mount: the panel is remounted for another company. */
  companyId: number | null;
  focusName: boolean;
  onSaved: (company: Company, created: boolean) => void;
  /** `trashed` is null when the company was already gone. */
  onDeleted: (trashed: Trashed | null) => void;
  onClose: () => void;
}

/** A company's record: its fields, tags, people, deals, files and timeline; also the new-company form. */
export function CompanyPanel({ companyId, focusName, onSaved, onDeleted, onClose }: CompanyPanelProps) {
  const [openedId] = useState(companyId);
  const idPrefix = useId();
  const nameRef = useRef<HTMLInputElement>(null);

  const editor = useRecordEditor({
    kind: 'company',
    openedId,
    fetch: fetchCompany,
    valuesOf,
    emptyValues: () => emptyValues,
    sameValues,
    describe: describeCompany,
    rules: companyRules,
    idPrefix,
    persist: (input, current) =>
      current
        ? invoke('companies.update', { id: current.id, version: current.version, ...input })
        : invoke('companies.create', input),
    onSaved,
  });
  const { record: company, load, form } = editor;

  useEffect(() => {
    if (focusName && load.state === 'ready') nameRef.current?.focus();
  }, [focusName, load.state]);

  const removal = useRecordDelete(
    (id: number, people: PeopleChoice | undefined) =>
      invoke('companies.delete', people ? { id, contacts: people } : { id }),
    { deleted: onDeleted, problem: form.setProblem },
  );

  const title = company ? company.name : openedId === null ? 'New company' : 'Company';
  const subtitle = company
    ? [company.industry, company.website].filter(Boolean).join(' · ')
    : openedId === null
      ? 'Add an organisation you work with.'
      : '';
  const badge = company ? (
    <Avatar name={company.name} photo={null} size="large" />
  ) : (
    <span className="record-panel__new-badge" aria-hidden="true">
      <Icon name="companies" size={20} />
    </span>
  );

  return (
    <FieldedRecordPanel
      kind="company"
      label="Company details"
      className="company-panel"
      badge={badge}
      title={title}
      subtitle={subtitle}
      noun="company"
      editor={editor}
      saved={
        company && {
          id: company.id,
          name: company.name,
          tagIds: company.tagIds,
          createdAt: company.createdAt,
          last: { label: 'Updated', at: company.updatedAt },
        }
      }
      removal={removal}
      onClose={onClose}
      deleteDialog={
        removal.asking &&
        company && (
          <DeleteCompanyDialog
            company={company}
            busy={removal.deleting}
            onConfirm={(people) => void removal.confirm(company.id, people)}
            onCancel={removal.cancel}
          />
        )
      }
      related={
        company && (
          <>
            <CompanyPeople companyId={company.id} version={editor.changes} />
            <RecordDeals kind="company" id={company.id} />
          </>
        )
      }
    >
      <TextFields
        idPrefix={idPrefix}
        specs={companyFieldSpecs}
        values={form.values}
        errors={form.errors}
        limits={companyFormLimits}
        onChange={(field, value) => form.change({ [field]: value })}
        firstRef={nameRef}
      />
      <LeadSourceFields
        idPrefix={idPrefix}
        values={form.values}
        errors={form.errors}
        onChange={(field, value) => form.change({ [field]: value })}
      />
    </FieldedRecordPanel>
  );
}
