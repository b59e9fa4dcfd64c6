import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { uploadChunkBytes } from '../../../shared/schemas/attachment';
import type { CoreContext, Handlers } from '../context';
import { CrmError } from '../errors';
import { readAttachmentSettings, writeAttachmentSettings } from '../settings/attachment-settings';
import { changeThenReleaseFiles } from './release';
import { attachmentsRepo } from './repo';
import { copyVerified, safeCopyName } from './verified-copy';

const recordGone = () => new CrmError('NOT_FOUND', 'This record no longer exists, so the file was not added.');
const attachmentGone = () => new CrmError('NOT_FOUND', 'This attachment no longer exists. It may have been removed.');

export function attachmentHandlers(context: CoreContext) {
  const { db, clock, store, uploads, settings, desktop, logger, scratchDir } = context;
  const repo = attachmentsRepo(db);
  const found = <T>(value: T | undefined): T => {
    if (value === undefined) throw attachmentGone();
    return value;
  };

  return {
    'attachments.list': ({ record }) => ({ attachments: repo.listFor(record) }),

    'attachments.start': async ({ record, fileName, size }) => {
      if (!repo.recordExists(record)) throw recordGone();
      const uploadId = await uploads.start(record, fileName, size, readAttachmentSettings(settings).maxFileMegabytes);
      return { uploadId, chunkBytes: uploadChunkBytes };
    },

    'attachments.chunk': async ({ uploadId, offset, data }) => ({ received: await uploads.chunk(uploadId, offset, data) }),

    'attachments.finish': async ({ uploadId }) => {
      const file = await uploads.finish(uploadId);
      try {
        return db.transaction(() => {
          if (!repo.recordExists(file.record)) throw recordGone();
          return repo.add(file, clock.now().toISOString());
        })();
      } catch (error) {
        // The file is stored but no row names it: delete it now unless other rows use the same bytes.
        if (!repo.blob(file.sha256)) await store.remove(file.sha256);
        throw error;
      }
    },

    'attachments.cancel': async ({ uploadId }) => ({ cancelled: await uploads.cancel(uploadId) }),

    'attachments.remove': async ({ id }) => {
      const attachment = found(repo.get(id));
      await changeThenReleaseFiles(db, store, logger, () => [attachment.sha256], () => repo.delete(id));
      return { id };
    },

    'attachments.open': async ({ id }) => {
      const attachment = found(repo.get(id));
      const copy = join(scratchDir, randomUUID(), safeCopyName(attachment));
      await copyVerified(store, attachment, copy);
      await desktop.openWithSystem(copy);
      logger.info('attachment opened in the system program', { id, copy });
      return { opened: true as const };
    },

    'attachments.saveCopy': async ({ id }) => {
      const attachment = found(repo.get(id));
      const destination = await desktop.chooseSaveLocation(safeCopyName(attachment));
      if (destination === undefined) return { saved: false };
      await copyVerified(store, attachment, destination);
      logger.info('attachment saved as a copy', { id, destination });
      return { saved: true };
    },

    'settings.attachments.get': () => readAttachmentSettings(settings),
    'settings.attachments.update': (value) => writeAttachmentSettings(settings, value),
  } satisfies Partial<Handlers>;
}
