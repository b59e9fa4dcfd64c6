import { exactTime, longTime } from '../../lib/format';

/** When a record was made and last changed (or closed, for a deal). */
export function RecordMeta({ createdAt, last }: { createdAt: string; last: { label: string; at: string } }) {
  return (
    <dl className="record-meta">
      <div>
        <dt>Created</dt>
        <dd>
          <time dateTime={createdAt} title={exactTime(createdAt)}>
            {longTime(createdAt)}
          </time>
        </dd>
      </div>
      <div>
        <dt>{last.label}</dt>
        <dd>
          <time dateTime={last.at} title={exactTime(last.at)}>
            {longTime(last.at)}
          </time>
        </dd>
      </div>
    </dl>
  );
}
