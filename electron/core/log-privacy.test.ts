import { describe, expect, it } from 'vitest';
import { CrmError } from './errors';
import { fingerprint, fingerprintQuoted, pathForLog, redactForLog, redactText } from './log-privacy';
import { describeError } from './logger';

const places = { dataDir: '/home/ana/.config/Rolodesk', homeDir: '/home/ana', userName: 'ana' };
const logged = (value: unknown) => JSON.stringify(redactForLog(value, places));

describe('a fingerprint', () => {
  it('is # and the first 12 hex of the sha256, the same for the same value', () => {
    expect(fingerprint('Zoë Lëakcheck')).toMatch(/^#[0-9a-f]{12}$/);
    expect(fingerprint('Zoë Lëakcheck')).toBe(fingerprint('Zoë Lëakcheck'));
    expect(fingerprint('Zoë Lëakcheck')).not.toBe(fingerprint('Zoe Leakcheck'));
  });

  it('of a path the user chose is the whole path’s, unless it is inside the data folder', () => {
    expect(redactText(pathForLog('/mnt/Zoë Lëakcheck/leak-file-4d2.pdf'), places)).toBe(
      `“${fingerprint('/mnt/Zoë Lëakcheck/leak-file-4d2.pdf')}”`,
    );
    expect(redactText(pathForLog('/home/ana/.config/Rolodesk/backups'), places)).toBe('“<data>/backups”');
  });
});

describe('quoted values in a logged string', () => {
  it('become fingerprints, each on its own', () => {
    const text = redactText('The contact “Zoë Lëakcheck” is linked to “Acme Leak Ltd”.', places);
    expect(text).toBe(`The contact “${fingerprint('Zoë Lëakcheck')}” is linked to “${fingerprint('Acme Leak Ltd')}”.`);
  });

  it('hide a name with quotes inside, balanced or not', () => {
    expect(fingerprintQuoted('A “Zoë “Zed” Lëak” here')).toBe(`A “${fingerprint('Zoë “Zed” Lëak')}” here`);
    // A stray close quote inside the value: the span runs on to it, never stopping at the first one.
    expect(fingerprintQuoted('The “Zoë” Lëak” template and “B”')).toBe(
      `The “${fingerprint('Zoë” Lëak')}” template and “${fingerprint('B')}”`,
    );
    // An open quote that never closes hides everything after it.
    const unclosed = fingerprintQuoted('Part of “Zoë “Lëak arrived.\nSecond line');
    expect(unclosed).not.toContain('Lëak');
    expect(unclosed).not.toContain('Second line');
  });

  it('hide multi-line values, and fingerprints are left alone when redacted again', () => {
    const once = redactText('The note “secret-note-91c\nline two” is too long.', places);
    expect(once).not.toMatch(/secret|line two/);
    expect(redactText(once, places)).toBe(once);
  });

  it('keep a quoted path inside the data folder readable', () => {
    expect(redactText('Could not read “/home/ana/.config/Rolodesk/crm.db”.', places)).toBe(
      'Could not read “<data>/crm.db”.',
    );
  });
});

describe('paths and addresses in a logged string', () => {
  it('write the data folder as <data> and the home folder as ~, whole folders only', () => {
    expect(redactText('opened /home/ana/.config/Rolodesk/crm.db from /home/ana/app and /home/anabel/x', places)).toBe(
      'opened <data>/crm.db from ~/app and /home/anabel/x',
    );
    expect(redactText('at C:\\Users\\ana\\AppData\\x', { homeDir: 'C:\\Users\\ana' })).toBe('at ~\\AppData\\x');
  });

  it("hide the file name in the system's messages, and the account name anywhere in a path", () => {
    const text = redactText("ENOENT: no such file or directory, open '/home/ana/Documents/leak-file-4d2.pdf'", places);
    expect(text).toBe(
      `ENOENT: no such file or directory, open '${fingerprint('/home/ana/Documents/leak-file-4d2.pdf')}'`,
    );
    expect(redactText("ENOENT: no such file or directory, open '/home/ana/.config/Rolodesk/crm.db'", places)).toBe(
      "ENOENT: no such file or directory, open '<data>/crm.db'",
    );
    expect(redactText("EACCES: permission denied, mkdir '/media/ana/USB/Rolodesk backups'", places)).not.toMatch(
      /ana|Rolodesk backups/,
    );
  });

  it('hide a value that is a whole path outside the data folder, keep one inside it', () => {
    expect(redactText('/tmp/rolodesk-open/1f8e/leak-file-4d2.pdf', places)).toBe(
      fingerprint('/tmp/rolodesk-open/1f8e/leak-file-4d2.pdf'),
    );
    expect(redactText('C:\\Users\\ana\\Desktop\\Zoë.csv', places)).toBe(
      fingerprint('C:\\Users\\ana\\Desktop\\Zoë.csv'),
    );
    expect(redactText('/home/ana/.config/Rolodesk/backups/snapshot-1', places)).toBe('<data>/backups/snapshot-1');
  });

  it('hide email addresses wherever they are, but not package paths', () => {
    const text = redactText(
      '550 5.1.1 <leak.check.7f3@example.org>: mailbox unavailable (leak.check.7f3@example.org.)',
      places,
    );
    expect(text).not.toContain('leak.check');
    expect(text).toContain(fingerprint('leak.check.7f3@example.org'));
    expect(redactText('at /app/node_modules/@scope/pkg/index.js:3', places)).toBe(
      'at /app/node_modules/@scope/pkg/index.js:3',
    );
  });
});

describe('a logged value', () => {
  it('is redacted all the way down: nested objects, arrays, errors and their causes', () => {
    const cause = Object.assign(new Error("ENOENT: no such file or directory, open '/home/ana/leak-file-4d2.pdf'"), {
      code: 'ENOENT',
    });
    const error = new CrmError('NOT_FOUND', 'The contact “Zoë Lëakcheck” is in the trash.');
    const wrapped = new Error('Saving “secret-note-91c” failed', { cause });
    const aggregate = new AggregateError([error, 'leak.check.7f3@example.org'], 'several');
    const context = {
      deep: { list: [{ name: '“Zoë Lëakcheck”' }, ['leak.check.7f3@example.org']] },
      error,
      wrapped,
      aggregate,
      count: 3,
      ok: true,
      none: null,
    };
    const text = logged(context);
    for (const marker of ['Zoë', 'Lëakcheck', 'leak-file-4d2', 'secret-note-91c', 'leak.check', '/home/ana'])
      expect(text).not.toContain(marker);
    expect(text).toContain('ENOENT');
    expect(text).toContain('"count":3');
    expect(text).toContain('"code":"NOT_FOUND"');
  });

  it('names the kind of a cause that is not an Error, never the code or fields inside it', () => {
    const leak = 'leak9c2';
    const text = logged({
      error: new Error('the write failed', { cause: () => `${leak}-in-source` }),
      other: new AggregateError([{ note: leak }, 7, null], 'several'),
    });
    expect(text).not.toContain(leak);
    expect(text).toContain('[object Function]');
    expect(text).toContain('[object Object]');
  });

  it('that refers to itself is written once, not forever', () => {
    const loop: Record<string, unknown> = { name: '“Zoë”' };
    loop.self = loop;
    expect(logged(loop)).toContain('[circular]');
  });
});

describe('describeError', () => {
  it('hides the quoted values and addresses an error message carries, in its causes too', () => {
    const thrown = new Error('Could not send to “Zoë Lëakcheck”', {
      cause: new CrmError('VALIDATION', 'leak.check.7f3@example.org was refused'),
    });
    const described = JSON.stringify(describeError(thrown));
    expect(described).not.toMatch(/Zoë|leak\.check/);
    expect(described).toContain('Could not send to “#');
    expect(describeError('“Zoë” thrown as a string')).toEqual({ thrown: `“${fingerprint('Zoë')}” thrown as a string` });
  });
});
