import { useCallback, useEffect, useEffectEvent, useState } from 'react';
import type { EventPayload } from '../../../../shared/contract';
import {
  outboxStateLabels,
  type OutboxCounts,
  type OutboxMessage,
  type SendingStatus,
} from '../../../../shared/schemas/sending';
import { invoke, onEvent, toCrmError } from '../../api';
import { ErrorBanner, WarningBanner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { ProgressBar } from '../../components/ProgressBar';
import { useToast } from '../../components/Toast';
import { useSubmitOnce } from '../../lib/useSubmitOnce';
import { useNavigation } from '../../navigation';
import { SentMessages } from './SentMessages';
import '../../styles/list.css';
import './CampaignSending.css';

const finished = (counts: OutboxCounts) => counts.sent + counts.failed + counts.skipped + counts.uncertain;
const total = (counts: OutboxCounts) => finished(counts) + counts.queued + counts.sending;
const number = (value: number) => value.toLocaleString('en');

/** A campaign's sending through the user's mail server: counts, progress, Start / Pause / Resume, and the messages that need a decision. */
export function CampaignSending({ campaignId }: { campaignId: number }) {
  const { go } = useNavigation();
  const showToast = useToast();
  const [status, setStatus] = useState<SendingStatus | undefined>();
  const [problem, setProblem] = useState<string | undefined>();
  const [attention, setAttention] = useState<OutboxMessage[]>([]);
  const [revision, setRevision] = useState(0);
  const acting = useSubmitOnce();

  const refresh = useCallback(() => setRevision((value) => value + 1), []);

  useEffect(() => {
    let current = true;
    Promise.all([
      invoke('sending.status', { campaignId }),
      invoke('sending.messages', { campaignId, states: ['failed', 'uncertain'], offset: 0, limit: 100 }),
    ]).then(
      ([loaded, page]) => {
        if (!current) return;
        setStatus(loaded);
        setAttention(page.rows);
      },
      (thrown: unknown) => current && setProblem(toCrmError(thrown).message),
    );
    return () => {
      current = false;
    };
  }, [campaignId, revision]);

  // Each message sent, failed or skipped moves the counts; a new failure or uncertainty is listed at once.
  // An effect event: it compares with the status on screen now, without subscribing again at each change.
  const onProgress = useEffectEvent((progress: EventPayload<'sending.progress'>) => {
    if (progress.campaignId !== campaignId) return;
    const old = status;
    if (
      old &&
      (progress.counts.failed !== old.counts.failed ||
        progress.counts.uncertain !== old.counts.uncertain ||
        progress.counts.sent !== old.counts.sent ||
        old.running !== progress.running)
    )
      refresh();
    else
      setStatus(
        (current) =>
          current && {
            ...current,
            counts: progress.counts,
            running: progress.running,
            lastError: progress.lastError,
          },
      );
  });
  useEffect(() => onEvent('sending.progress', (progress) => onProgress(progress)), []);

  async function act(channel: 'sending.start' | 'sending.pause' | 'sending.resume') {
    await acting.run(async () => {
      try {
        setStatus(await invoke(channel, { campaignId }));
        setProblem(undefined);
      } catch (thrown) {
        setProblem(toCrmError(thrown).message);
      }
    });
  }

  async function sendAgain(message: OutboxMessage) {
    await acting.run(async () => {
      try {
        await invoke('sending.retry', { ids: [message.id] });
        showToast(`${message.contactName} is back in the queue`);
        refresh();
      } catch (thrown) {
        setProblem(toCrmError(thrown).message);
      }
    });
  }

  if (!status)
    return problem ? (
      <ErrorBanner title="Sending could not be shown">{problem}</ErrorBanner>
    ) : (
      <p className="sending__loading">Loading…</p>
    );
  const { counts } = status;
  const all = total(counts);
  if (!status.emailReady) {
    return (
      <EmptyState
        icon="mail"
        title="Email is not set up yet"
        text="To send this campaign from Rolodesk, enter your mail server's details in Settings › Email."
        action={
          <Button
            variant="primary"
            icon="settings"
            onClick={() => void go('settings', { type: 'settingsPart', part: 'email' })}
          >
            Open Settings › Email
          </Button>
        }
      />
    );
  }
  if (all === 0)
    return (
      <EmptyState
        icon="mail"
        muted
        title="No messages to send yet"
        text="Messages appear here once they are written for the campaign's members."
      />
    );
  const done = finished(counts);
  const waiting = counts.queued + counts.sending;
  const started = status.running || status.paused || done > 0;
  return (
    <section className="sending" aria-label="Sending">
      <div className="sending__head">
        <p className="sending__summary" aria-live="polite">
          {status.running ? 'Sending' : status.paused ? 'Paused' : waiting === 0 ? 'Done' : 'Ready to send'}:{' '}
          {number(counts.sent)} of {number(all)} sent
          {waiting > 0 && `, ${number(waiting)} waiting`}
        </p>
        <div className="sending__actions">
          {status.running ? (
            <Button onClick={() => void act('sending.pause')} aria-disabled={acting.running}>
              Pause
            </Button>
          ) : waiting > 0 ? (
            <Button
              variant="primary"
              icon="mail"
              onClick={() => void act(started ? 'sending.resume' : 'sending.start')}
              aria-disabled={acting.running}
            >
              {started ? 'Resume sending' : `Send ${number(waiting)} messages`}
            </Button>
          ) : null}
        </div>
      </div>
      <ProgressBar
        label="Sending progress"
        percent={(done / all) * 100}
        valueText={`${number(done)} of ${number(all)} messages done`}
      />
      <ul className="sending__counts">
        {(['sent', 'queued', 'failed', 'uncertain', 'skipped'] as const).map((state) => (
          <li key={state} data-state={state}>
            <span className="sending__count">{number(counts[state])}</span> {outboxStateLabels[state]}
          </li>
        ))}
      </ul>
      {status.lastError && <WarningBanner title="Sending paused">{status.lastError}</WarningBanner>}
      {problem && <ErrorBanner>{problem}</ErrorBanner>}
      {attention.length > 0 && (
        <div className="sending__attention">
          <h3 className="sending__subtitle">Need your decision</h3>
          <ul className="sending__list">
            {attention.map((message) => (
              <li key={message.id} className="list-row sending__row">
                <div className="sending__row-text">
                  <span className="sending__who">
                    {message.contactName} <span className="sending__address">{message.toAddress}</span>
                  </span>
                  <span className="list-row__problem">
                    {outboxStateLabels[message.state]}
                    {message.serverAnswer && `: ${message.serverAnswer}`}
                  </span>
                </div>
                <Button size="small" onClick={() => void sendAgain(message)} aria-disabled={acting.running}>
                  {message.state === 'uncertain' ? 'May have been sent — send again' : 'Send again'}
                </Button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {counts.sent > 0 && <SentMessages campaignId={campaignId} revision={revision} />}
    </section>
  );
}
