import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pathInside } from './inside-folder';
import { objectContaining, stringMatching } from '../../../tests/support/matchers';

describe('a name joined onto a folder', () => {
  const folder = join('/data', 'scratch', 'copy');

  it('is the file directly inside the folder', () => {
    expect(pathInside(folder, 'Quote for Anna.pdf')).toBe(join(folder, 'Quote for Anna.pdf'));
    expect(pathInside(`${folder}/`, '..hidden.txt')).toBe(join(folder, '..hidden.txt'));
  });

  it.each(['../evil.txt', '../../evil.txt', '/etc/passwd', 'sub/file.txt', '.', '..', '', 'a/../../evil.txt'])(
    'refuses %j in words',
    (name) => {
      expect(() => pathInside(folder, name)).toThrow(
        objectContaining({ code: 'FILE_REFUSED', message: stringMatching(/points outside the folder/) }),
      );
    },
  );
});
