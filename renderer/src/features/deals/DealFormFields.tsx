import { useCallback, useState, type Ref } from 'react';
import { dealLimits, type Stage } from '../../../../shared/schemas/deal';
import { invoke } from '../../api';
import { Field } from '../../components/Field';
import type { DealField, DealValues, FieldErrors } from './dealForm';
import { amountInCurrency, commonCurrencies } from '../../lib/money';
import { RecordPicker, type PickerOption } from '../../components/RecordPicker';
import { SelectField } from '../../components/SelectField';

interface DealFormFieldsProps {
  idPrefix: string;
  values: DealValues;
  errors: FieldErrors;
  stages: readonly Stage[];
  onChange: (changes: Partial<DealValues>) => void;
  titleRef?: Ref<HTMLInputElement>;
}

const fieldId = (idPrefix: string, field: DealField) => `${idPrefix}-${field}`;

const pickerLimit = 20;

/** The editable fields of a deal, each labelled, with its error beside it. */
export function DealFormFields({ idPrefix, values, errors, stages, onChange, titleRef }: DealFormFieldsProps) {
  const id = (field: DealField) => fieldId(idPrefix, field);
  const companyId = values.company?.id;
  // Why the amount could not follow a new currency, until the amount is edited.
  const [amountProblem, setAmountProblem] = useState<string | undefined>();

  const changeCurrency = (currency: string) => {
    const carried = amountInCurrency(values.amount, values.currency, currency);
    setAmountProblem(carried.problem);
    onChange({ currency, amount: carried.amount });
  };

  const findCompanies = useCallback(async (search: string): Promise<PickerOption[]> => {
    const page = await invoke('companies.list', {
      search,
      sort: 'name',
      direction: 'asc',
      offset: 0,
      limit: pickerLimit,
    });
    return page.rows.map((company) => ({ id: company.id, name: company.name, detail: company.industry }));
  }, []);
  // With a company chosen, only its people: the usual case, and the list stays short.
  const findContacts = useCallback(
    async (search: string): Promise<PickerOption[]> => {
      const page = await invoke('contacts.list', {
        search,
        sort: 'name',
        direction: 'asc',
        offset: 0,
        limit: pickerLimit,
        ...(companyId === undefined ? {} : { companyId }),
      });
      return page.rows.map((contact) => ({
        id: contact.id,
        name: contact.name,
        detail: [contact.email, contact.company].filter(Boolean).join(' · '),
        parent: contact.companyId === null ? null : { id: contact.companyId, name: contact.company },
      }));
    },
    [companyId],
  );

  const currencies = commonCurrencies.includes(values.currency as (typeof commonCurrencies)[number])
    ? commonCurrencies
    : [values.currency, ...commonCurrencies];

  return (
    <div className="record-form__fields deal-form">
      <Field
        id={id('title')}
        label="Title"
        error={errors.title}
        value={values.title}
        limit={dealLimits.title}
        inputRef={titleRef}
        autoComplete="off"
        placeholder="What is being sold, for example “Website redesign”"
        onChange={(event) => onChange({ title: event.target.value })}
      />
      <RecordPicker
        id={id('companyId')}
        label="Company"
        value={values.company}
        error={errors.companyId}
        placeholder="Search companies…"
        search={findCompanies}
        onChange={(company) => onChange({ company })}
      />
      <RecordPicker
        id={id('contactId')}
        label="Contact"
        value={values.contact}
        error={errors.contactId}
        placeholder={values.company ? `Search people at ${values.company.name}…` : 'Search people…'}
        search={findContacts}
        onChange={(contact) =>
          onChange(values.company === null && contact?.parent ? { contact, company: contact.parent } : { contact })
        }
      />
      <div className="deal-form__pair">
        <Field
          id={id('valueMinor')}
          label="Value"
          error={amountProblem ?? errors.valueMinor}
          value={values.amount}
          inputMode="decimal"
          autoComplete="off"
          placeholder="0.00"
          onChange={(event) => {
            setAmountProblem(undefined);
            onChange({ amount: event.target.value });
          }}
        />
        <SelectField
          id={id('currency')}
          label="Currency"
          error={errors.currency}
          value={values.currency}
          options={currencies.map((code) => ({ value: code, label: code }))}
          onChange={changeCurrency}
        />
      </div>
      <div className="deal-form__pair">
        <SelectField
          id={id('stageId')}
          label="Stage"
          error={errors.stageId}
          value={values.stageId ?? ''}
          options={stages.map((stage) => ({ value: String(stage.id), label: stage.name }))}
          onChange={(stageId) => onChange({ stageId: Number(stageId) })}
        />
        <Field
          id={id('probability')}
          label="Probability (%)"
          error={errors.probability}
          value={values.probability}
          inputMode="numeric"
          autoComplete="off"
          placeholder="0–100"
          onChange={(event) => onChange({ probability: event.target.value })}
        />
      </div>
      <div className="deal-form__pair">
        <Field
          id={id('expectedCloseDate')}
          label="Expected close"
          type="date"
          error={errors.expectedCloseDate}
          value={values.expectedCloseDate}
          onChange={(event) => onChange({ expectedCloseDate: event.target.value })}
        />
        <Field
          id={id('owner')}
          label="Owner"
          error={errors.owner}
          value={values.owner}
          limit={dealLimits.owner}
          autoComplete="off"
          placeholder="Who looks after it"
          onChange={(event) => onChange({ owner: event.target.value })}
        />
      </div>
      <Field
        id={id('notes')}
        label="Notes"
        multiline
        rows={4}
        error={errors.notes}
        value={values.notes}
        limit={dealLimits.notes}
        placeholder="What they need, who decides, what to do next…"
        onChange={(event) => onChange({ notes: event.target.value })}
      />
    </div>
  );
}
