import { useEffect, useState } from 'react';
import type { Recipient } from '../../../../shared/schemas/template';
import { Field } from '../../components/Field';
import { SelectField } from '../../components/SelectField';
import { usePreview } from './usePreview';
import { useRecipients } from './useRecipients';
import type { TemplateDraft } from './useTemplateDraft';

const recipientLabel = (recipient: Recipient) =>
  `${recipient.name}${recipient.email ? ` <${recipient.email}>` : ' (no email)'}${recipient.mayBeContacted ? '' : ' — must not be contacted'}`;

const fieldList = (keys: readonly string[]) => keys.map((key) => `{{${key}}}`).join(', ');

interface MessagePreviewProps {
  campaignId: number;
  draft: TemplateDraft;
  /** The member shown (for "Open in mail app") and how many members the campaign has. */
  onShown: (recipient: Recipient | undefined, memberCount: number) => void;
}

/** The message as one member would get it: a picker of members, the merged subject and body, unknown and empty fields said. */
export function MessagePreview({ campaignId, draft, onShown }: MessagePreviewProps) {
  const [search, setSearch] = useState('');
  const { list, failure: listFailure } = useRecipients(campaignId, search);
  const [chosenId, setChosenId] = useState<number>();
  const recipients = list?.recipients ?? [];
  const shown = recipients.find((recipient) => recipient.contactId === chosenId) ?? recipients[0];
  const { preview, failure } = usePreview(draft, shown?.contactId);

  const memberCount = list?.total ?? 0;
  useEffect(() => onShown(shown, memberCount), [shown, memberCount, onShown]);

  if (list && list.total === 0) {
    return (
      <section className="message-preview" aria-labelledby="message-preview-title">
        <h3 id="message-preview-title" className="message-preview__title">
          Preview
        </h3>
        <p className="message-preview__note">
          This campaign has no members yet. Add people to it to preview their messages.
        </p>
      </section>
    );
  }

  return (
    <section className="message-preview" aria-labelledby="message-preview-title">
      <h3 id="message-preview-title" className="message-preview__title">
        Preview
      </h3>
      <div className="message-preview__picker">
        <Field
          id="preview-search"
          label="Find a member"
          type="search"
          value={search}
          placeholder="Name or email"
          autoComplete="off"
          onChange={(event) => setSearch(event.target.value)}
        />
        <SelectField
          id="preview-member"
          label="Preview for"
          value={shown?.contactId ?? ''}
          options={
            recipients.length
              ? recipients.map((recipient) => ({
                  value: String(recipient.contactId),
                  label: recipientLabel(recipient),
                }))
              : [{ value: '', label: 'No member matches' }]
          }
          onChange={(value) => setChosenId(Number(value))}
        />
      </div>
      {listFailure && <p className="message-preview__problem">{listFailure}</p>}
      {shown && !shown.mayBeContacted && (
        <p className="message-preview__problem">
          {shown.name} has unsubscribed or must not be contacted: no message goes to them.
        </p>
      )}
      {failure && <p className="message-preview__problem">{failure}</p>}
      {preview && (
        <div className="message-preview__message" aria-label={`Message for ${shown?.name ?? ''}`}>
          {preview.unknownFields.length > 0 && (
            <p className="message-preview__problem" data-testid="preview-unknown">
              Unknown {preview.unknownFields.length === 1 ? 'field' : 'fields'} {fieldList(preview.unknownFields)}: fix{' '}
              {preview.unknownFields.length === 1 ? 'it' : 'them'} before anything goes out.
            </p>
          )}
          {preview.emptyFields.length > 0 && (
            <p className="message-preview__note" data-testid="preview-empty">
              Empty for {shown?.name}: {fieldList(preview.emptyFields)} (merged as nothing).
            </p>
          )}
          <p className="message-preview__subject">
            <span className="message-preview__label">Subject</span> {preview.subject || <em>(no subject)</em>}
          </p>
          {preview.html !== null ? (
            // The core wrote this HTML from our small Markdown subset with every merged value escaped; CSP forbids scripts besides.
            // eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-static-element-interactions -- only stops links; Enter on a link fires this click
            <div
              className="message-preview__body message-preview__body--html"
              dangerouslySetInnerHTML={{ __html: preview.html }}
              // A preview's links are for reading: following one would leave the app.
              onClick={(event) => (event.target as HTMLElement).closest('a') && event.preventDefault()}
            />
          ) : (
            <div className="message-preview__body">{preview.text}</div>
          )}
          <p className="message-preview__note">
            Every message ends with a line saying why the person gets it and how to stop: reply “unsubscribe”.
          </p>
        </div>
      )}
    </section>
  );
}
