import { useId, useRef, useState } from 'react';
import type { Contact } from '../../../../shared/schemas/contact';
import { CrmError, invoke, toCrmError } from '../../api';
import { Button } from '../../components/Button';
import { Icon } from '../../components/Icon';
import { useToast } from '../../components/Toast';
import { sendFile } from '../attachments';
import { PhotoDecodeError, photoTypes, squarePhoto } from './squarePhoto';
import './PhotoField.css';

interface PhotoFieldProps {
  contact: Contact;
  /** The contact as saved with its new photo (or without one). */
  onChange: (contact: Contact) => void;
}

const notAPhoto = (fileName: string) =>
  new CrmError('FILE_REFUSED', `A photo must be a PNG, JPEG, GIF or WebP image; “${fileName}” is not one.`);

/** Prepares a picked image for upload: checked by type, then squared and shrunk here so a 20 MB camera photo travels as a few dozen KB. */
async function photoFrom(file: File): Promise<Blob> {
  if (!(photoTypes as readonly string[]).includes(file.type)) throw notAPhoto(file.name);
  try {
    return await squarePhoto(file);
  } catch (error) {
    if (error instanceof PhotoDecodeError) {
      throw new CrmError(
        'FILE_REFUSED',
        `“${file.name}” could not be read as a picture. It may be damaged, or have been moved or deleted.`,
      );
    }
    throw error;
  }
}

/** Add, change or remove a contact's photo. */
export function PhotoField({ contact, onChange }: PhotoFieldProps) {
  const labelId = useId();
  const showToast = useToast();
  const inputRef = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState<'saving' | 'removing' | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const hasPhoto = contact.photo !== null;

  async function change(file: File) {
    setProblem(null);
    setBusy('saving');
    try {
      const photo = await photoFrom(file);
      const uploadId = await sendFile({ kind: 'contact', id: contact.id }, photo, 'photo.jpg');
      onChange(await invoke('contacts.setPhoto', { id: contact.id, uploadId }));
      showToast(hasPhoto ? 'Photo changed' : 'Photo added');
    } catch (error) {
      setProblem(toCrmError(error).message);
    } finally {
      setBusy(null);
    }
  }

  // Rolodesk asks in its own native dialog first (a removed photo has no trash); "no" there changed nothing.
  async function remove() {
    setProblem(null);
    setBusy('removing');
    try {
      onChange(await invoke('contacts.removePhoto', { id: contact.id }));
      showToast('Photo removed');
    } catch (thrown) {
      const error = toCrmError(thrown);
      if (error.code !== 'CANCELLED') setProblem(error.message);
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className="photo-field" role="group" aria-labelledby={labelId}>
      <span id={labelId} className="field__label">
        Photo
      </span>
      <div className="photo-field__row">
        {/* aria-disabled, not disabled, while busy: a disabled button drops keyboard focus. */}
        <Button
          size="small"
          icon="camera"
          aria-disabled={busy !== null}
          onClick={() => busy === null && inputRef.current?.click()}
        >
          {hasPhoto ? 'Change photo' : 'Add photo'}
        </Button>
        {hasPhoto && (
          <Button
            size="small"
            variant="ghost"
            icon="trash"
            aria-disabled={busy !== null}
            onClick={() => busy === null && void remove()}
          >
            Remove photo
          </Button>
        )}
        {/* Which pictures work matters before the first one; after that the row has no room to spare. */}
        <span className="photo-field__hint" aria-live="polite">
          {busy === 'saving'
            ? 'Saving the photo…'
            : busy === 'removing'
              ? 'Removing the photo…'
              : hasPhoto
                ? ''
                : 'PNG, JPEG, GIF or WebP'}
        </span>
        <input
          ref={inputRef}
          type="file"
          accept={photoTypes.join(',')}
          hidden
          tabIndex={-1}
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) void change(file);
          }}
        />
      </div>
      {problem && (
        <p className="field__error" role="alert">
          <Icon name="alert" size={14} />
          <span>{problem}</span>
        </p>
      )}
    </div>
  );
}
