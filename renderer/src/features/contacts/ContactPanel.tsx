import { useEffect, useId, useRef, useState } from 'react';
import type { Trashed } from '../../../../shared/schemas/common';
import { contactLimits, type Contact } from '../../../../shared/schemas/contact';
import { leadSourceLimits } from '../../../../shared/schemas/lead-source';
import { invoke } from '../../api';
import { Avatar } from '../../components/Avatar';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Icon } from '../../components/Icon';
import { TextFields } from '../../components/TextFields';
import { useRecordDelete } from '../../components/panel/useRecordDelete';
import { describeTextFields } from '../../components/panel/describeFields';
import { useRecordEditor } from '../../components/panel/useRecordEditor';
import { useNavigation } from '../../navigation';
import { RecordDeals } from '../deals';
import { FieldedRecordPanel } from '../record-panel';
import { contactFieldSpecs } from './contactFieldSpecs';
import { contactFields, emptyValues, fieldErrorsOf, sameValues, validate, valuesOf } from './contactForm';
import { ConsentField, LeadSourceFields } from '../lead-sources';
import { PhotoField } from './PhotoField';
import { PersonRightsMenu } from '../privacy';

const contactRules = { fields: contactFields, validate, fieldErrorsOf };
// Every form field's limit; the marketing ones are shown by their own fields.
const contactFormLimits = {
  ...contactLimits,
  leadSource: leadSourceLimits.name,
  utmSource: leadSourceLimits.utm,
  utmMedium: leadSourceLimits.utm,
  utmCampaign: leadSourceLimits.utm,
  consent: 20,
};
const describeContact = describeTextFields(contactFieldSpecs);
const fetchContact = (id: number) => invoke('contacts.get', { id });

interface ContactPanelProps {
  /** The contact to show, or null for a new one. Read on mount: the panel is remounted for another contact. */
  contactId: number | null;
  /** Put the cursor in Name on open (new contact, or opened from the keyboard). */
  focusName: boolean;
  onSaved: (contact: Contact, created: boolean) => void;
  /** `trashed` is null when the contact was already gone. */
  onDeleted: (trashed: Trashed | null) => void;
  /** The photo was added, changed or removed (the list shows it too). */
  onPhotoChanged: (contact: Contact) => void;
  onClose: () => void;
}

/**
 * A contact's record: loads it, edits it, saves it, deletes it after asking;
 * its photo, tags, custom fields, company, deals, attached files (dropped anywhere on the panel) and timeline. Also the new-contact form.
 */
export function ContactPanel({ contactId, focusName, onSaved, onDeleted, onPhotoChanged, onClose }: ContactPanelProps) {
  // The record this panel was opened for. After "Save" on a new contact the parent passes its new id,
  // but the panel already holds the saved record and must not reload it over the user's next edits.
  const [openedId] = useState(contactId);
  const idPrefix = useId();
  const nameRef = useRef<HTMLInputElement>(null);
  const { go } = useNavigation();

  const editor = useRecordEditor({
    kind: 'contact',
    openedId,
    fetch: fetchContact,
    valuesOf,
    emptyValues: () => emptyValues,
    sameValues,
    describe: describeContact,
    rules: contactRules,
    idPrefix,
    persist: (input, current) =>
      current
        ? invoke('contacts.update', { id: current.id, version: current.version, ...input })
        : invoke('contacts.create', input),
    onSaved,
  });
  const { record: contact, load, form } = editor;

  useEffect(() => {
    if (focusName && load.state === 'ready') nameRef.current?.focus();
    // Once, when the form first becomes editable.
  }, [focusName, load.state]);

  const removal = useRecordDelete((id: number) => invoke('contacts.delete', { id }), {
    deleted: onDeleted,
    problem: form.setProblem,
  });

  const companyId = contact?.companyId ?? null;
  const title = contact ? contact.name : openedId === null ? 'New contact' : 'Contact';
  const subtitle = contact
    ? [contact.company, contact.email].filter(Boolean).join(' · ')
    : openedId === null
      ? 'Add someone you work with.'
      : '';
  const badge = contact ? (
    <Avatar name={contact.name} photo={contact.photo} size="large" />
  ) : (
    <span className="record-panel__new-badge" aria-hidden="true">
      <Icon name="userPlus" size={20} />
    </span>
  );

  return (
    <FieldedRecordPanel
      kind="contact"
      label="Contact details"
      className="record-panel--contact"
      badge={badge}
      title={title}
      subtitle={subtitle}
      noun="contact"
      editor={editor}
      saved={
        contact && {
          id: contact.id,
          name: contact.name,
          tagIds: contact.tagIds,
          createdAt: contact.createdAt,
          last: { label: 'Updated', at: contact.updatedAt },
        }
      }
      removal={removal}
      onClose={onClose}
      deleteDialog={
        removal.asking &&
        contact && (
          <ConfirmDialog
            title={`Delete ${contact.name}?`}
            message="They go to the trash with their notes, files and timeline, and stay there for 30 days in case you need them back."
            confirmLabel="Delete contact"
            busy={removal.deleting}
            onConfirm={() => void removal.confirm(contact.id)}
            onCancel={removal.cancel}
          />
        )
      }
      related={contact && <RecordDeals kind="contact" id={contact.id} />}
    >
      {contact && (
        <PhotoField
          contact={contact}
          onChange={(changed) => {
            editor.receive(changed);
            onPhotoChanged(changed);
          }}
        />
      )}
      <TextFields
        idPrefix={idPrefix}
        specs={contactFieldSpecs}
        values={form.values}
        errors={form.errors}
        limits={contactFormLimits}
        onChange={(field, value) => form.change({ [field]: value })}
        firstRef={nameRef}
      />
      <ConsentField
        id={`${idPrefix}-consent`}
        value={form.values.consent}
        error={form.errors.consent}
        changed={contact && { at: contact.consentChangedAt, source: contact.consentSource }}
        onChange={(value) => form.change({ consent: value })}
      />
      <LeadSourceFields
        idPrefix={idPrefix}
        values={form.values}
        errors={form.errors}
        onChange={(field, value) => form.change({ [field]: value })}
      />
      {contact && companyId !== null && (
        <button
          type="button"
          className="record-panel__link"
          onClick={() => void go('companies', { type: 'open', id: companyId })}
        >
          <Icon name="companies" size={15} />
          Open {contact.company}
        </button>
      )}
      {contact && <PersonRightsMenu contact={contact} onErased={() => onDeleted(null)} />}
    </FieldedRecordPanel>
  );
}
