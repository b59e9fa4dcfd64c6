import { useState } from 'react';
import type { CampaignChannel } from '../../../../shared/schemas/marketing';
import type { Recipient } from '../../../../shared/schemas/template';
import { invoke, toCrmError } from '../../api';
import { Button } from '../../components/Button';
import { csvWords, queueWords } from './outputWords';

/** "Open each" hands every message to the mail app one by one: sensible for a handful, not for a list. */
export const openEachLimit = 20;

interface MessageOutputProps {
  campaignId: number;
  channel: CampaignChannel;
  /** Saves unsaved changes first; the template's id, or undefined when it could not be saved. */
  saveFirst: () => Promise<number | undefined>;
  /** Why nothing may go out yet (problems in the template), or undefined. */
  blocked: string | undefined;
  /** Why no email may go out yet (no subject or no message), or undefined; a CSV may still be made. */
  emailBlocked: string | undefined;
  shown: Recipient | undefined;
  memberCount: number;
}

type Outcome = { tone: 'done' | 'problem'; words: string };

/** The ways a campaign's messages leave: a CSV for a mail tool, the user's mail app, or the outbox for sending. */
export function MessageOutput({
  campaignId,
  channel,
  saveFirst,
  blocked,
  emailBlocked,
  shown,
  memberCount,
}: MessageOutputProps) {
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>();
  const email = channel === 'email';

  async function run(work: (templateId: number) => Promise<string | undefined>) {
    if (busy) return;
    setBusy(true);
    setOutcome(undefined);
    try {
      const templateId = await saveFirst();
      if (templateId === undefined) return;
      const words = await work(templateId);
      if (words) setOutcome({ tone: 'done', words });
    } catch (error) {
      setOutcome({ tone: 'problem', words: toCrmError(error).message });
    } finally {
      setBusy(false);
    }
  }

  const exportCsv = () =>
    void run(async (templateId) => {
      const result = await invoke('templates.exportCsv', { campaignId, templateId });
      return result.saved ? csvWords(result) : undefined;
    });
  const openShown = () =>
    void run(async (templateId) => {
      if (!shown) return undefined;
      await invoke('templates.mailto', { campaignId, templateId, contactId: shown.contactId });
      return `Opened the message for ${shown.name} in your mail app.`;
    });
  const openEach = () =>
    void run(async (templateId) => {
      const { recipients } = await invoke('templates.recipients', { campaignId, search: '' });
      const reachable = recipients.filter((recipient) => recipient.mayBeContacted && recipient.email);
      for (const recipient of reachable)
        await invoke('templates.mailto', { campaignId, templateId, contactId: recipient.contactId });
      const skipped = recipients.length - reachable.length;
      return `Opened ${reachable.length} ${reachable.length === 1 ? 'message' : 'messages'} in your mail app.${skipped ? ` Left out ${skipped} who must not be contacted or have no email address.` : ''}`;
    });
  const queue = () =>
    void run(async (templateId) => queueWords(await invoke('templates.queue', { campaignId, templateId })));

  const disabled = busy || blocked !== undefined || memberCount === 0;
  const emailDisabled = disabled || emailBlocked !== undefined;
  return (
    <section className="message-output" aria-labelledby="message-output-title">
      <h3 id="message-output-title" className="message-output__title">
        Send or export
      </h3>
      {(blocked ?? (email ? emailBlocked : undefined)) && (
        <p className="message-output__blocked">{blocked ?? emailBlocked}</p>
      )}
      <div className="message-output__buttons">
        <Button icon="download" disabled={disabled} onClick={exportCsv}>
          Export for a mail tool (CSV)…
        </Button>
        {email && (
          <Button
            icon="mail"
            disabled={emailDisabled || !shown?.mayBeContacted || !shown.email}
            onClick={openShown}
            title={shown ? `Opens the message for ${shown.name}` : undefined}
          >
            Open in mail app
          </Button>
        )}
        {email && memberCount > 0 && memberCount <= openEachLimit && (
          <Button icon="external" disabled={emailDisabled} onClick={openEach}>
            Open each in mail app ({memberCount})
          </Button>
        )}
        {email && (
          <Button variant="primary" icon="upload" disabled={emailDisabled} onClick={queue}>
            Queue for sending
          </Button>
        )}
      </div>
      <p
        className={
          outcome?.tone === 'problem'
            ? 'message-output__outcome message-output__outcome--problem'
            : 'message-output__outcome'
        }
        role="status"
      >
        {busy ? 'Working…' : outcome?.words}
      </p>
    </section>
  );
}
