import { useEffect, useState } from 'react';
import type { OutboxMessage } from '../../../../shared/schemas/sending';
import { invoke, toCrmError } from '../../api';
import { ErrorBanner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { useToast } from '../../components/Toast';

const pageSize = 50;

/** The sent messages, each with one click to record an "unsubscribe" reply to it. */
export function SentMessages({ campaignId, revision }: { campaignId: number; revision: number }) {
  const showToast = useToast();
  const [rows, setRows] = useState<OutboxMessage[]>([]);
  const [totalSent, setTotalSent] = useState(0);
  const [recorded, setRecorded] = useState<ReadonlySet<number>>(new Set());
  const [problem, setProblem] = useState<string | undefined>();
  const [shown, setShown] = useState(pageSize);

  useEffect(() => {
    let current = true;
    invoke('sending.messages', { campaignId, states: ['sent'], offset: 0, limit: Math.min(shown, 500) }).then(
      (page) => {
        if (!current) return;
        setRows(page.rows);
        setTotalSent(page.total);
      },
      (thrown: unknown) => current && setProblem(toCrmError(thrown).message),
    );
    return () => {
      current = false;
    };
  }, [campaignId, revision, shown]);

  async function recordUnsubscribe(message: OutboxMessage) {
    try {
      await invoke('sending.recordUnsubscribe', { messageId: message.id });
      setRecorded((old) => new Set(old).add(message.id));
      showToast(`${message.contactName} is unsubscribed`);
    } catch (thrown) {
      setProblem(toCrmError(thrown).message);
    }
  }

  return (
    <details className="sending__sent">
      <summary>Sent messages ({totalSent.toLocaleString('en')}) — record an unsubscribe reply</summary>
      {problem && <ErrorBanner>{problem}</ErrorBanner>}
      <ul className="sending__list">
        {rows.map((message) => (
          <li key={message.id} className="list-row sending__row">
            <div className="sending__row-text">
              <span className="sending__who">
                {message.contactName} <span className="sending__address">{message.toAddress}</span>
              </span>
              <span className="list-row__details">
                <span>{message.subject}</span>
              </span>
            </div>
            {recorded.has(message.id) ? (
              <span className="sending__done">Unsubscribed</span>
            ) : (
              <Button size="small" variant="subtle" onClick={() => void recordUnsubscribe(message)}>
                Replied “unsubscribe”
              </Button>
            )}
          </li>
        ))}
      </ul>
      {rows.length < totalSent && shown < 500 && (
        <Button size="small" onClick={() => setShown((value) => value + pageSize)}>
          Show more
        </Button>
      )}
    </details>
  );
}
