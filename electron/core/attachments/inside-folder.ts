import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { CrmError } from '../errors';

/**
 * `name` joined onto `folder`, proven to be a file directly inside it: the
 * last guard before a name from the database becomes a path.
 */
export function pathInside(folder: string, name: string): string {
  const root = resolve(folder);
  const target = resolve(root, name);
  const fromRoot = relative(root, target);
  if (
    dirname(target) !== root ||
    fromRoot === '' ||
    fromRoot === '..' ||
    fromRoot.startsWith(`..${sep}`) ||
    isAbsolute(fromRoot)
  ) {
    throw new CrmError(
      'FILE_REFUSED',
      'The file’s name points outside the folder it belongs in, so Rolodesk did not write it.',
    );
  }
  return target;
}
