import { changeThenReleaseFiles } from '../attachments/release';
import { attachmentsRepo } from '../attachments/repo';
import type { ParsedInput } from '../../../shared/contract';
import type { CoreContext, Handlers } from '../context';
import { confirmOrCancel } from '../confirm-destructive';
import { writer } from '../db/write';
import { CrmError } from '../errors';
import { versionCheck } from '../records/versions';
import { deleter } from '../trash/deleter';
import { contactsRepo } from './repo';

const contactGone = () => new CrmError('NOT_FOUND', 'This contact no longer exists. It may have been deleted.');

function found<T>(contact: T | undefined): T {
  if (contact === undefined) throw contactGone();
  return contact;
}

const photoKinds = new Set(['png', 'jpeg', 'gif', 'webp']);

export function contactHandlers({ db, clock, store, uploads, logger, desktop }: CoreContext) {
  const repo = contactsRepo(db, clock);
  const files = attachmentsRepo(db);
  const trash = deleter(db);
  const write = writer(db);
  const checkVersion = versionCheck(db);
  const now = () => clock.now().toISOString();
  const photoOf = (id: number) => () => {
    const photo = repo.get(id)?.photo;
    return photo ? [photo] : [];
  };

  return {
    'contacts.list': (query) => repo.list(query),
    'contacts.get': ({ id }) => found(repo.get(id)),
    'contacts.create': (draft) => repo.create(draft, now()),
    'contacts.update': write(({ id, version, ...values }: ParsedInput<'contacts.update'>) => {
      checkVersion('contact', id, version);
      return found(repo.update(id, values, now()));
    }),
    // To the trash: files stay until the entry is deleted for good (trash/purge.ts).
    'contacts.delete': ({ id }) => {
      const trashed = found(trash.delete('contact', [id], now()));
      return { id, trashId: trashed.trashId };
    },
    'contacts.setPhoto': async ({ id, uploadId }) => {
      if (!repo.get(id)) {
        await uploads.cancel(uploadId);
        throw contactGone();
      }
      const file = await uploads.finish(uploadId);
      if (!photoKinds.has(file.kind)) {
        if (!files.blob(file.sha256)) await store.remove(file.sha256);
        throw new CrmError(
          'FILE_REFUSED',
          `A photo must be a PNG, JPEG, GIF or WebP image; “${file.fileName}” is not one.`,
        );
      }
      return changeThenReleaseFiles(db, store, logger, photoOf(id), () => {
        files.saveBlob(file, now());
        return found(repo.setPhoto(id, file.sha256, now()));
      });
    },
    // Asked in main's native dialog, whoever sent the request: a removed photo has no trash to come back from.
    'contacts.removePhoto': async ({ id }) => {
      const contact = found(repo.get(id));
      if (contact.photo) {
        await confirmOrCancel(
          desktop,
          {
            title: 'Remove photo',
            message: `Remove the photo of ${contact.name}?`,
            detail: 'Removed photos do not go to the trash: it is gone from Rolodesk for good. This cannot be undone.',
            confirmLabel: 'Remove Photo',
          },
          `The photo of ${contact.name} was not removed.`,
        );
      }
      return changeThenReleaseFiles(db, store, logger, photoOf(id), () => found(repo.setPhoto(id, null, now())));
    },
  } satisfies Partial<Handlers>;
}
