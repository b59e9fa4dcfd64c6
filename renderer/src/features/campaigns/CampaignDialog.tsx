import { useRef, useState, type FormEvent } from 'react';
import { campaignLimits, type Campaign } from '../../../../shared/schemas/campaign';
import { campaignChannels, type CampaignChannel } from '../../../../shared/schemas/marketing';
import { invoke, toCrmError } from '../../api';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { FieldError } from '../../components/FieldError';
import { SelectField } from '../../components/SelectField';
import { useSubmitOnce } from '../../lib/useSubmitOnce';
import { amountText, commonCurrencies, defaultCurrency, parseAmount } from '../../lib/money';
import { channelLabels } from './campaignWords';

interface CampaignDialogProps {
  /** null: a new campaign. */
  campaign: Campaign | null;
  onCancel: () => void;
  onSaved: (campaign: Campaign) => void;
}

type Errors = Partial<Record<'name' | 'goal' | 'startsOn' | 'endsOn' | 'owner' | 'budgetMinor' | 'form', string>>;

/** The New campaign and Edit campaign form: a name is all it needs. */
export function CampaignDialog({ campaign, onCancel, onSaved }: CampaignDialogProps) {
  const nameRef = useRef<HTMLInputElement>(null);
  const [name, setName] = useState(campaign?.name ?? '');
  const [goal, setGoal] = useState(campaign?.goal ?? '');
  const [channel, setChannel] = useState<CampaignChannel>(campaign?.channel ?? 'email');
  const [startsOn, setStartsOn] = useState(campaign?.startsOn ?? '');
  const [endsOn, setEndsOn] = useState(campaign?.endsOn ?? '');
  const [owner, setOwner] = useState(campaign?.owner ?? '');
  const [currency, setCurrency] = useState(campaign?.currency ?? defaultCurrency);
  const [budget, setBudget] = useState(
    campaign?.budgetMinor == null ? '' : amountText(campaign.budgetMinor, campaign.currency),
  );
  const [errors, setErrors] = useState<Errors>({});
  const submit = useSubmitOnce();
  const currencies = commonCurrencies.includes(currency as (typeof commonCurrencies)[number])
    ? commonCurrencies
    : [currency, ...commonCurrencies];

  async function save(event: FormEvent) {
    event.preventDefault();
    const found: Errors = {};
    if (name.trim() === '') found.name = 'Please enter a name.';
    if (startsOn && endsOn && endsOn < startsOn) found.endsOn = 'The end date is before the start date.';
    const amount = budget.trim() === '' ? null : parseAmount(budget, currency);
    if (amount && !amount.ok) found.budgetMinor = amount.message.replace('The value', 'The budget');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    if (!submit.begin()) return;
    const fields = {
      name,
      goal,
      channel,
      startsOn: startsOn || null,
      endsOn: endsOn || null,
      owner,
      currency,
      budgetMinor: amount && amount.ok ? amount.valueMinor : null,
    };
    try {
      onSaved(
        campaign
          ? await invoke('campaigns.update', { id: campaign.id, updatedAt: campaign.updatedAt, ...fields })
          : await invoke('campaigns.create', fields),
      );
    } catch (error) {
      const problem = toCrmError(error);
      setErrors({
        form: problem.fields.length === 0 ? problem.message : undefined,
        ...Object.fromEntries(problem.fields.map((issue) => [issue.field, issue.message])),
      });
    } finally {
      submit.end();
    }
  }

  return (
    <Dialog
      title={campaign ? 'Edit campaign' : 'New campaign'}
      onCancel={onCancel}
      initialFocus={nameRef}
      size="medium"
    >
      <form className="campaign-form" onSubmit={(event) => void save(event)} noValidate>
        <div className="campaign-form__wide">
          <Field
            id="campaign-name"
            label="Name"
            inputRef={nameRef}
            value={name}
            error={errors.name}
            limit={campaignLimits.name}
            autoComplete="off"
            placeholder="For example “Spring offer”"
            onChange={(event) => setName(event.target.value)}
          />
        </div>
        <div className="campaign-form__wide">
          <Field
            id="campaign-goal"
            label="Goal"
            multiline
            rows={2}
            value={goal}
            error={errors.goal}
            limit={campaignLimits.goal}
            placeholder="What should it achieve?"
            onChange={(event) => setGoal(event.target.value)}
          />
        </div>
        <SelectField
          id="campaign-channel"
          label="Channel"
          value={channel}
          options={campaignChannels.map((value) => ({ value, label: channelLabels[value] }))}
          onChange={(value) => setChannel(value as CampaignChannel)}
        />
        <Field
          id="campaign-owner"
          label="Owner"
          value={owner}
          error={errors.owner}
          limit={campaignLimits.owner}
          autoComplete="off"
          onChange={(event) => setOwner(event.target.value)}
        />
        <Field
          id="campaign-starts"
          label="Start date"
          type="date"
          value={startsOn}
          error={errors.startsOn}
          onChange={(event) => setStartsOn(event.target.value)}
        />
        <Field
          id="campaign-ends"
          label="End date"
          type="date"
          value={endsOn}
          error={errors.endsOn}
          onChange={(event) => setEndsOn(event.target.value)}
        />
        <Field
          id="campaign-budget"
          label="Budget"
          hint="Leave empty for no budget."
          inputMode="decimal"
          autoComplete="off"
          placeholder="0.00"
          value={budget}
          error={errors.budgetMinor}
          onChange={(event) => setBudget(event.target.value)}
        />
        <SelectField
          id="campaign-currency"
          label="Currency"
          value={currency}
          options={currencies.map((code) => ({ value: code, label: code }))}
          onChange={setCurrency}
        />
        <div className="campaign-form__wide">
          <FieldError id="campaign-form-error" message={errors.form} />
          <div className="dialog__actions">
            <Button onClick={onCancel}>Cancel</Button>
            <Button type="submit" variant="primary" disabled={submit.running}>
              {campaign ? 'Save changes' : 'Create campaign'}
            </Button>
          </div>
        </div>
      </form>
    </Dialog>
  );
}
