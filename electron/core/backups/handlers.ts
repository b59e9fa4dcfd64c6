import type { Handlers } from '../context';
import type { DesktopServices } from '../desktop';
import { confirmOrCancel } from '../confirm-destructive';
import { fewerKeptQuestion } from './fewer-kept';
import type { BackupService } from './service';

/** An encrypted backup is not a ZIP any more, so it does not say it is one. */
function backupFileName(now: Date, encrypted: boolean): string {
  return `Rolodesk backup ${now.toISOString().slice(0, 10)}${encrypted ? '.rolodesk-backup' : '.zip'}`;
}

export function backupHandlers(backups: BackupService, desktop: DesktopServices, now: () => Date) {
  return {
    'backups.status': () => backups.status(),
    'backups.list': async () => ({ snapshots: await backups.list() }),
    'backups.create': () => backups.snapshot('manual'),
    'backups.verify': ({ id }) => backups.verify(id),
    'backups.chooseLocation': async () => {
      const folder = await desktop.chooseFolder('Choose where Rolodesk keeps its backups');
      if (folder !== undefined) await backups.chooseLocation(folder);
      return backups.status();
    },
    'backups.useDefaultLocation': async () => {
      await backups.chooseLocation(null);
      return backups.status();
    },
    // Keeping fewer backups deletes older ones at the next prune: asked in main's native dialog, whoever sent it.
    'backups.updateSettings': async (settings) => {
      const question = fewerKeptQuestion(backups.settings(), settings);
      if (question)
        await confirmOrCancel(
          desktop,
          question,
          'The schedule was not changed. Rolodesk keeps as many backups as before.',
        );
      await backups.updateSettings(settings);
      return backups.status();
    },
    'backups.openFolder': async () => {
      await desktop.openWithSystem(backups.location());
      return { opened: true as const };
    },
    'backups.export': async () => {
      const saved = await backups.exportTo((encrypted) => desktop.chooseSaveLocation(backupFileName(now(), encrypted)));
      return { saved };
    },
    'backups.cancelExport': () => ({ cancelled: backups.cancelExport() }),
    'backups.restore': async ({ id, secret }) => {
      await backups.restoreSnapshot(id, secret);
      return { restored: true as const };
    },
    'backups.undoRestore': async () => {
      await backups.undoRestore();
      return { restored: true as const };
    },
  } satisfies Partial<Handlers>;
}
