import { uploadChunkBytes } from '../../../shared/schemas/attachment';
import type { CoreContext, Handlers } from '../context';
import { confirmOrCancel } from '../confirm-destructive';
import { CrmError } from '../errors';
import { liveRecords } from '../records/live-records';
import { readAttachmentSettings, writeAttachmentSettings } from '../settings/attachment-settings';
import { changeThenReleaseFiles } from './release';
import { attachmentsRepo } from './repo';
import { copyNameFor } from './copy-name';
import { pathInside } from './inside-folder';
import { newCopyFolder } from './scratch-folder';
import { storedKindOf } from './stored-kind';
import { copyVerified } from './verified-copy';

const attachmentGone = () => new CrmError('NOT_FOUND', 'This attachment no longer exists. It may have been removed.');

export function attachmentHandlers(context: CoreContext) {
  const { db, clock, store, uploads, settings, desktop, logger, scratchDir } = context;
  const repo = attachmentsRepo(db);
  const records = liveRecords(db);
  const notAdded = 'The file was not added.';
  const found = <T>(value: T | undefined): T => {
    if (value === undefined) throw attachmentGone();
    return value;
  };

  return {
    'attachments.list': ({ record }) => ({ attachments: repo.listFor(record) }),

    'attachments.start': async ({ record, fileName, size }) => {
      records.mustExist(record, notAdded);
      const uploadId = await uploads.start(record, fileName, size, readAttachmentSettings(settings).maxFileMegabytes);
      return { uploadId, chunkBytes: uploadChunkBytes };
    },

    'attachments.chunk': async ({ uploadId, offset, data }) => ({
      received: await uploads.chunk(uploadId, offset, data),
    }),

    'attachments.finish': async ({ uploadId }) => {
      const file = await uploads.finish(uploadId);
      try {
        return db.transaction(() => {
          records.mustExist(file.record, notAdded);
          return repo.add(file, clock.now().toISOString());
        })();
      } catch (error) {
        // The file is stored but no row names it: delete it now unless other rows use the same bytes.
        if (!repo.blob(file.sha256)) await store.remove(file.sha256);
        throw error;
      }
    },

    'attachments.cancel': async ({ uploadId }) => ({ cancelled: await uploads.cancel(uploadId) }),

    // Asked in main's native dialog, whoever sent the request: files have no trash to come back from.
    'attachments.remove': async ({ id }) => {
      const { fileName } = found(repo.get(id));
      await confirmOrCancel(
        desktop,
        {
          title: 'Remove file',
          message: `Remove the file “${fileName}”?`,
          detail:
            'Removed files do not go to the trash: it is gone from Rolodesk for good. Copies you saved elsewhere are not affected. This cannot be undone.',
          confirmLabel: 'Remove File',
        },
        `“${fileName}” was not removed.`,
      );
      const attachment = found(repo.get(id));
      await changeThenReleaseFiles(
        db,
        store,
        logger,
        () => [attachment.sha256],
        () => repo.delete(id),
      );
      return { id };
    },

    // The row's name and type came from the database (perhaps a restored backup): both are checked again here.
    'attachments.open': async ({ id }) => {
      const attachment = found(repo.get(id));
      const kind = storedKindOf(attachment, 'opened');
      const name = copyNameFor(attachment, kind);
      const copy = pathInside(await newCopyFolder(scratchDir), name);
      await copyVerified(store, { sha256: attachment.sha256, kind, name }, copy);
      await desktop.openWithSystem(copy);
      logger.info('attachment opened in the system program', { id, sha256: attachment.sha256 });
      return { opened: true as const };
    },

    'attachments.saveCopy': async ({ id }) => {
      const attachment = found(repo.get(id));
      const kind = storedKindOf(attachment, 'saved');
      const name = copyNameFor(attachment, kind);
      // The user picks the folder and may change the name; the suggestion is only ever a bare, safe name.
      const destination = await desktop.chooseSaveLocation(name);
      if (destination === undefined) return { saved: false };
      await copyVerified(store, { sha256: attachment.sha256, kind, name }, destination);
      logger.info('attachment saved as a copy', { id, sha256: attachment.sha256 });
      return { saved: true };
    },

    'settings.attachments.get': () => readAttachmentSettings(settings),
    'settings.attachments.update': (value) => writeAttachmentSettings(settings, value),
  } satisfies Partial<Handlers>;
}
