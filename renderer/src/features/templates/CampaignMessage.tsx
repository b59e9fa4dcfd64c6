import { useCallback, useEffect, useState } from 'react';
import type { CampaignChannel } from '../../../../shared/schemas/marketing';
import type { Recipient, TemplateSummary } from '../../../../shared/schemas/template';
import { invoke, toCrmError } from '../../api';
import { ErrorBanner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { SelectField } from '../../components/SelectField';
import { useToast } from '../../components/Toast';
import { useLeaveGuard, useUnsavedWork } from '../../lib/unsavedContext';
import { MessageOutput } from './MessageOutput';
import { MessagePreview } from './MessagePreview';
import { TemplateEditor } from './TemplateEditor';
import { useTemplateDraft } from './useTemplateDraft';
import './CampaignMessage.css';

const newTemplate = 'new';

/** A campaign's message: choose or write its template, preview it for any member, and send or export it. */
export function CampaignMessage({ campaignId, channel }: { campaignId: number; channel: CampaignChannel }) {
  const toast = useToast();
  const [templates, setTemplates] = useState<TemplateSummary[]>([]);
  const [templateId, setTemplateId] = useState<number | null>(null);
  const [ready, setReady] = useState(false);
  const [failure, setFailure] = useState<string>();
  const [nameError, setNameError] = useState<string>();
  const [saving, setSaving] = useState(false);
  const [shown, setShown] = useState<{ recipient: Recipient | undefined; memberCount: number }>({
    recipient: undefined,
    memberCount: 0,
  });
  const { draft, change, dirty, problems, checkFailure, loadFailure, markSaved } = useTemplateDraft(templateId);

  useEffect(() => {
    let current = true;
    Promise.all([invoke('templates.list', {}), invoke('templates.ofCampaign', { campaignId })]).then(
      ([list, chosen]) => {
        if (!current) return;
        setTemplates(list.templates);
        setTemplateId(chosen.templateId);
        setReady(true);
      },
      (error: unknown) => current && setFailure(toCrmError(error).message),
    );
    return () => {
      current = false;
    };
  }, [campaignId]);

  const onShown = useCallback(
    (recipient: Recipient | undefined, memberCount: number) => setShown({ recipient, memberCount }),
    [],
  );

  /** Saves the template (new or changed) and makes it this campaign's; its id, or undefined when it could not be saved. */
  const save = useCallback(async (): Promise<number | undefined> => {
    if (!dirty && templateId !== null) return templateId;
    setSaving(true);
    setNameError(undefined);
    try {
      const saved =
        templateId === null
          ? await invoke('templates.create', draft)
          : await invoke('templates.update', { id: templateId, ...draft });
      if (templateId === null) await invoke('templates.choose', { campaignId, templateId: saved.id });
      markSaved(saved);
      setTemplateId(saved.id);
      setTemplates((list) =>
        [
          ...list.filter((each) => each.id !== saved.id),
          { id: saved.id, name: saved.name, format: saved.format, updatedAt: saved.updatedAt },
        ].sort((a, b) => a.name.localeCompare(b.name)),
      );
      toast('Template saved');
      return saved.id;
    } catch (error) {
      const problem = toCrmError(error);
      const nameProblem = problem.fields.find((field) => field.field === 'name');
      if (nameProblem) setNameError(nameProblem.message);
      else toast(problem.message, 'problem');
      return undefined;
    } finally {
      setSaving(false);
    }
  }, [campaignId, dirty, draft, markSaved, templateId, toast]);

  // Another template, tab or screen, closing the window: each asks first while the template holds changes.
  useUnsavedWork(
    dirty,
    draft.name.trim() === '' ? 'the new template' : `the template “${draft.name.trim()}”`,
    async () => (await save()) !== undefined,
  );
  const confirmLeave = useLeaveGuard();

  async function choose(value: string) {
    if (!(await confirmLeave())) return;
    const id = value === newTemplate ? null : Number(value);
    setNameError(undefined);
    setTemplateId(id);
    if (id !== null)
      await invoke('templates.choose', { campaignId, templateId: id }).catch((error: unknown) =>
        toast(toCrmError(error).message, 'problem'),
      );
  }

  if (failure) return <ErrorBanner title="The campaign’s message could not be loaded">{failure}</ErrorBanner>;
  if (!ready) return null;

  const blocked =
    draft.name.trim() === ''
      ? 'Give the template a name to save it before anything goes out.'
      : problems.length > 0 || checkFailure
        ? 'Fix the problems listed under the message first: nothing goes out until they are gone.'
        : undefined;
  const emailBlocked =
    draft.subject.trim() === '' || draft.body.trim() === ''
      ? 'Write a subject and a message to send or open emails.'
      : undefined;
  return (
    <div className="campaign-message">
      <div className="campaign-message__choice">
        <SelectField
          id="campaign-template"
          label="Template"
          value={templateId ?? newTemplate}
          options={[
            ...templates.map((template) => ({ value: String(template.id), label: template.name })),
            { value: newTemplate, label: 'New template…' },
          ]}
          onChange={(value) => void choose(value)}
        />
        <Button variant="primary" disabled={saving || !dirty} onClick={() => void save()}>
          {saving ? 'Saving…' : dirty ? 'Save template' : 'Saved'}
        </Button>
      </div>
      {loadFailure && <ErrorBanner>{loadFailure}</ErrorBanner>}
      <div className="campaign-message__columns">
        <TemplateEditor
          draft={draft}
          problems={problems}
          checkFailure={checkFailure}
          nameError={nameError}
          onChange={change}
        />
        <div className="campaign-message__side">
          <MessagePreview campaignId={campaignId} draft={draft} onShown={onShown} />
          <MessageOutput
            campaignId={campaignId}
            channel={channel}
            saveFirst={save}
            blocked={blocked}
            emailBlocked={emailBlocked}
            shown={shown.recipient}
            memberCount={shown.memberCount}
          />
        </div>
      </div>
    </div>
  );
}
