import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { backupFilesIn, openedBackupFiles } from './opened-files';

const here = resolve('/home/anna/Documents');

describe('backup files named on the command line', () => {
  it('finds a double-clicked backup file after the program, with or without encryption, whatever the case of its extension', () => {
    const file = join(here, 'Rolodesk backup 2026-12-07.rolodesk-backup');
    expect(backupFilesIn(['/opt/Rolodesk/rolodesk', file], '/')).toEqual([file]);
    expect(backupFilesIn(['/opt/Rolodesk/rolodesk', join(here, 'Office.ZIP')], '/')).toEqual([
      join(here, 'Office.ZIP'),
    ]);
  });

  it('takes a file: URL, as a Linux desktop may send one, but no other kind of URL', () => {
    const file = join(here, 'Office backup.rolodesk-backup');
    expect(backupFilesIn(['rolodesk', pathToFileURL(file).href], '/')).toEqual([file]);
    expect(
      backupFilesIn(['rolodesk', 'https://example.com/backup.zip', 'smb://server/share/backup.zip'], here),
    ).toEqual([]);
  });

  it('reads a relative path from the folder the command ran in (a second instance says which)', () => {
    expect(backupFilesIn(['rolodesk', 'backups/office.rolodesk-backup'], here)).toEqual([
      join(here, 'backups', 'office.rolodesk-backup'),
    ]);
  });

  it('skips the program, switches, the development app folder and files that are not backups', () => {
    const argv = [
      join(here, 'backup.zip'), // the program itself is never a file to open, whatever its name
      '.',
      '--inspect=0',
      '--remote-debugging-port=0',
      '--no-sandbox',
      '--allow-file-access-from-files',
      '-psn_0_12345',
      '--log-file=/tmp/rolodesk.zip',
      join(here, 'clients.csv'),
      join(here, 'notes.rolodesk-backup.txt'),
      join(here, 'out', 'main', 'index.js'),
    ];
    expect(backupFilesIn(argv, here)).toEqual([]);
  });

  it('keeps every backup file named, in order', () => {
    expect(backupFilesIn(['rolodesk', 'a.zip', '--flag', 'b.rolodesk-backup'], here)).toEqual([
      join(here, 'a.zip'),
      join(here, 'b.rolodesk-backup'),
    ]);
  });
});

describe('files opened before the core runs', () => {
  it('wait until it runs, and only the latest one is handed over', () => {
    const opened = openedBackupFiles();
    opened.opened('/a.zip');
    opened.opened('/b.rolodesk-backup');
    const handed: string[] = [];
    opened.deliverTo((path) => handed.push(path));
    expect(handed).toEqual(['/b.rolodesk-backup']);
  });

  it('go straight to the core once it runs', () => {
    const opened = openedBackupFiles();
    const handed: string[] = [];
    opened.deliverTo((path) => handed.push(path));
    expect(handed).toEqual([]);
    opened.opened('/c.zip');
    opened.opened('/d.zip');
    expect(handed).toEqual(['/c.zip', '/d.zip']);
  });
});
