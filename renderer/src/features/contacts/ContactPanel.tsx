import { useEffect, useId, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { Trashed } from '../../../../shared/schemas/common';
import type { Contact } from '../../../../shared/schemas/contact';
import { invoke, toCrmError } from '../../api';
import { Avatar } from '../../components/Avatar';
import { ErrorBanner } from '../../components/Banner';
import { Button, IconButton } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Icon } from '../../components/Icon';
import { exactTime, longTime } from '../../lib/format';
import { AttachmentsSection } from '../attachments/AttachmentsSection';
import { DropOverlay } from '../attachments/DropOverlay';
import { useAttachments, type AttachmentList } from '../attachments/useAttachments';
import { useFileDrop } from '../attachments/useFileDrop';
import { useUploadQueue } from '../attachments/useUploadQueue';
import { RecordTimeline } from '../timeline/RecordTimeline';
import { ContactFormFields, fieldId } from './ContactForm';
import {
  contactFields,
  emptyValues,
  fieldErrorsOf,
  sameValues,
  validate,
  valuesOf,
  type ContactField,
  type ContactValues,
  type FieldErrors,
} from './contactForm';
import { PhotoField } from './PhotoField';
import './ContactPanel.css';

interface ContactPanelProps {
  /** The contact to show, or null for a new one. Read on mount: the panel is remounted for another contact. */
  contactId: number | null;
  /** Put the cursor in Name on open (new contact, or opened from the keyboard). */
  focusName: boolean;
  onSaved(contact: Contact, created: boolean): void;
  /** `trashed` is null when the contact was already gone. */
  onDeleted(contact: Contact, trashed: Trashed | null): void;
  /** The photo was added, changed or removed (the list shows it too). */
  onPhotoChanged(contact: Contact): void;
  onClose(): void;
}

type Load = { state: 'loading' } | { state: 'ready' } | { state: 'failed'; message: string };

/**
 * A contact's record: loads it, edits it, saves it, deletes it after asking;
 * its photo and attached files (dropped anywhere on the panel). Also the new-contact form.
 */
export function ContactPanel({ contactId, focusName, onSaved, onDeleted, onPhotoChanged, onClose }: ContactPanelProps) {
  // The record this panel was opened for. After "Save" on a new contact the parent passes its new id,
  // but the panel already holds the saved record and must not reload it over the user's next edits.
  const [openedId] = useState(contactId);
  const idPrefix = useId();
  const nameRef = useRef<HTMLInputElement>(null);

  const [contact, setContact] = useState<Contact | null>(null);
  const [load, setLoad] = useState<Load>(openedId === null ? { state: 'ready' } : { state: 'loading' });
  const [values, setValues] = useState<ContactValues>(emptyValues);
  const [errors, setErrors] = useState<FieldErrors>({});
  // After a failed save, errors update as the user types, so they vanish once fixed.
  const [liveCheck, setLiveCheck] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const [deleting, setDeleting] = useState(false);
  // Bumped after each save so the timeline shows the change just made.
  const [version, setVersion] = useState(0);

  // Files need a record to belong to, so a new contact gets them once it is saved.
  const savedId = contact?.id ?? null;
  const record = useMemo(() => (savedId === null ? null : { kind: 'contact' as const, id: savedId }), [savedId]);
  const files = useAttachments(savedId);
  const uploads = useUploadQueue(record, files.reload);
  const drop = useFileDrop((dropped) => {
    if (record) uploads.add(dropped);
  });

  useEffect(() => {
    if (openedId === null) return;
    let current = true;
    invoke('contacts.get', { id: openedId }).then(
      (loaded) => {
        if (!current) return;
        setContact(loaded);
        setValues(valuesOf(loaded));
        setLoad({ state: 'ready' });
      },
      (error: unknown) => current && setLoad({ state: 'failed', message: toCrmError(error).message }),
    );
    return () => {
      current = false;
    };
  }, [openedId]);

  // Files added or removed show in the timeline too (the first list is what the timeline already has).
  const filesSeen = useRef<AttachmentList['attachments']>(null);
  useEffect(() => {
    if (filesSeen.current !== null) setVersion((current) => current + 1);
    filesSeen.current = files.attachments;
  }, [files.attachments]);

  useEffect(() => {
    if (focusName && load.state === 'ready') nameRef.current?.focus();
    // Once, when the form first becomes editable.
  }, [focusName, load.state]);

  const baseline = contact ? valuesOf(contact) : emptyValues;
  const dirty = !sameValues(values, baseline);
  const busy = saving || deleting;

  function change(field: ContactField, value: string) {
    const next = { ...values, [field]: value };
    setValues(next);
    if (liveCheck) {
      const checked = validate(next);
      setErrors(checked.ok ? {} : checked.errors);
    }
  }

  function showFieldErrors(found: FieldErrors) {
    setErrors(found);
    setLiveCheck(true);
    const first = contactFields.find((field) => found[field]);
    if (first) document.getElementById(fieldId(idPrefix, first))?.focus();
  }

  async function save(event?: FormEvent) {
    event?.preventDefault();
    if (busy) return;
    setProblem(null);
    const checked = validate(values);
    if (!checked.ok) {
      showFieldErrors(checked.errors);
      return;
    }
    setSaving(true);
    try {
      const saved = contact
        ? await invoke('contacts.update', { id: contact.id, ...checked.draft })
        : await invoke('contacts.create', checked.draft);
      setContact(saved);
      setValues(valuesOf(saved));
      setErrors({});
      setLiveCheck(false);
      setVersion((current) => current + 1);
      onSaved(saved, contact === null);
    } catch (thrown) {
      const error = toCrmError(thrown);
      const { errors: found, other } = error.code === 'VALIDATION' ? fieldErrorsOf(error.fields) : { errors: {}, other: [] };
      if (Object.keys(found).length > 0) {
        showFieldErrors(found);
        if (other.length > 0) setProblem(other.join(' '));
      } else {
        setProblem(error.message);
      }
    } finally {
      setSaving(false);
    }
  }

  async function confirmDelete() {
    if (!contact) return;
    setDeleting(true);
    try {
      const trashed = await invoke('contacts.delete', { id: contact.id });
      setConfirmingDelete(false);
      onDeleted(contact, trashed);
    } catch (thrown) {
      const error = toCrmError(thrown);
      setConfirmingDelete(false);
      // Already deleted (from another window, say): what the user asked for is done.
      if (error.code === 'NOT_FOUND') onDeleted(contact, null);
      else setProblem(error.message);
    } finally {
      setDeleting(false);
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLElement>) {
    // Keys from the delete dialog bubble here through React's portal; they are the dialog's business.
    if (!event.currentTarget.contains(event.target as Node)) return;
    // Escape closes, unless that would throw away typing or stop files on their way in.
    if (event.key === 'Escape' && !dirty && !busy && !uploads.busy) {
      event.preventDefault();
      onClose();
    }
    // Ctrl/Cmd+Enter saves from anywhere in the form, even the notes.
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) void save();
  }

  const title = contact ? contact.name : openedId === null ? 'New contact' : 'Contact';
  const subtitle = contact ? [contact.company, contact.email].filter(Boolean).join(' · ') : openedId === null ? 'Add someone you work with.' : '';

  return (
    // A fixed name, not the contact's: label text would otherwise mix with the field labels for tools that search by label.
    <aside className="contact-panel" aria-label="Contact details" onKeyDown={onKeyDown} {...drop.handlers}>
      <header className="contact-panel__header">
        {contact ? (
          <Avatar name={contact.name} photo={contact.photo} size="large" />
        ) : (
          <span className="contact-panel__new-badge" aria-hidden="true">
            <Icon name="userPlus" size={20} />
          </span>
        )}
        <div className="contact-panel__titles">
          <h2 className="contact-panel__title">
            {title}
          </h2>
          {subtitle && <p className="contact-panel__subtitle">{subtitle}</p>}
        </div>
        <IconButton icon="close" label="Close" onClick={onClose} />
      </header>

      {load.state === 'loading' && (
        <div className="contact-panel__loading" aria-busy="true">
          <span className="visually-hidden">Loading contact…</span>
          {[72, 55, 64, 48].map((width) => (
            <span key={width} className="skeleton skeleton--line" data-width={width} />
          ))}
        </div>
      )}

      {load.state === 'failed' && (
        <div className="contact-panel__body">
          <ErrorBanner title="This contact could not be opened" action={<Button onClick={onClose}>Close</Button>}>
            {load.message}
          </ErrorBanner>
        </div>
      )}

      {load.state === 'ready' && (
        <form className="contact-form" noValidate onSubmit={save}>
          <div className="contact-panel__body">
            {problem && <ErrorBanner title="Not saved">{problem}</ErrorBanner>}
            {contact && (
              <PhotoField
                contact={contact}
                onChange={(changed) => {
                  setContact(changed);
                  onPhotoChanged(changed);
                }}
              />
            )}
            <ContactFormFields idPrefix={idPrefix} values={values} errors={errors} onChange={change} nameRef={nameRef} />
            {contact && <AttachmentsSection ownerName={contact.name} list={files} queue={uploads} />}
            {contact && (
              <dl className="contact-meta">
                <div>
                  <dt>Created</dt>
                  <dd>
                    <time dateTime={contact.createdAt} title={exactTime(contact.createdAt)}>
                      {longTime(contact.createdAt)}
                    </time>
                  </dd>
                </div>
                <div>
                  <dt>Updated</dt>
                  <dd>
                    <time dateTime={contact.updatedAt} title={exactTime(contact.updatedAt)}>
                      {longTime(contact.updatedAt)}
                    </time>
                  </dd>
                </div>
              </dl>
            )}
            {record && <RecordTimeline record={record} version={version} />}
          </div>
          <footer className="contact-panel__footer">
            {contact && (
              <Button variant="ghost" icon="trash" aria-disabled={busy} onClick={() => !busy && setConfirmingDelete(true)}>
                Delete
              </Button>
            )}
            <span className="contact-panel__spacer" />
            {/* aria-disabled, not disabled, while busy: a disabled button drops keyboard focus. */}
            <Button onClick={() => !busy && onClose()} aria-disabled={busy}>
              Cancel
            </Button>
            <Button type="submit" variant="primary" aria-disabled={busy}>
              Save
            </Button>
          </footer>
        </form>
      )}

      {drop.over && <DropOverlay recordName={contact?.name ?? null} />}

      {confirmingDelete && contact && (
        <ConfirmDialog
          title={`Delete ${contact.name}?`}
          message="Their details and notes will be removed from Rolodesk. This cannot be undone."
          confirmLabel="Delete contact"
          busy={deleting}
          onConfirm={() => void confirmDelete()}
          onCancel={() => setConfirmingDelete(false)}
        />
      )}
    </aside>
  );
}
