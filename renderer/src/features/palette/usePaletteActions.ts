import { useMemo } from 'react';
import type { IconName } from '../../components/Icon';
import { useBackups } from '../backups';
import { useImport } from '../import';
import { listPlace, useNavigation } from '../../navigation';
import { sections, tools } from '../../sections';

/** Something the palette can do besides opening a record. */
export interface PaletteAction {
  id: string;
  label: string;
  icon: IconName;
  /** More words it answers to ("add" for New contact). */
  keywords: string;
  run: () => void;
}

/** Every action, in the order the empty palette lists them: make something, go somewhere, then the backup commands. */
export function usePaletteActions(): PaletteAction[] {
  const { go, current } = useNavigation();
  const backups = useBackups();
  const { open: openImport } = useImport();
  return useMemo(() => {
    const places = [...sections, ...tools];
    return [
      {
        id: 'new-contact',
        label: 'New contact',
        icon: 'userPlus',
        keywords: 'add create person',
        run: () => void go('contacts', { type: 'new' }),
      },
      {
        id: 'new-company',
        label: 'New company',
        icon: 'companies',
        keywords: 'add create client organisation',
        run: () => void go('companies', { type: 'new' }),
      },
      {
        id: 'new-deal',
        label: 'New deal',
        icon: 'deals',
        keywords: 'add create opportunity',
        run: () => void go('deals', { type: 'new' }),
      },
      {
        id: 'import',
        label: 'Import contacts or companies…',
        icon: 'upload',
        keywords: 'csv excel xlsx vcard vcf file google outlook spreadsheet',
        run: () => openImport(),
      },
      {
        id: 'export-list',
        label: 'Export this list…',
        icon: 'download',
        keywords: 'csv excel xlsx vcard vcf file save spreadsheet download',
        run: () => void go(listPlace(current), { type: 'export' }),
      },
      {
        id: 'find-contacts',
        label: 'Find in contacts',
        icon: 'search',
        keywords: 'search filter list',
        run: () => void go('contacts', { type: 'search' }),
      },
      ...places.map((place): PaletteAction => ({
        id: `go-${place.id}`,
        label: `Go to ${place.label}`,
        icon: place.icon,
        keywords: 'open show screen',
        run: () => void go(place.id),
      })),
      { id: 'back-up-now', label: 'Back up now', icon: 'backups', keywords: 'snapshot save', run: backups.backUpNow },
      {
        id: 'export-backup',
        label: 'Export backup…',
        icon: 'download',
        keywords: 'file archive save',
        run: backups.exportBackup,
      },
      {
        id: 'restore-backup',
        label: 'Restore from backup…',
        icon: 'restore',
        keywords: 'snapshot undo recover',
        run: backups.openRestore,
      },
    ];
  }, [go, current, openImport, backups.backUpNow, backups.exportBackup, backups.openRestore]);
}
