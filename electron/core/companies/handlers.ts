import type { ParsedInput } from '../../../shared/contract';
import type { CoreContext, Handlers } from '../context';
import { writer } from '../db/write';
import { CrmError } from '../errors';
import { versionCheck } from '../records/versions';
import { deleter } from '../trash/deleter';
import { companiesRepo } from './repo';

const companyGone = () => new CrmError('NOT_FOUND', 'This company no longer exists. It may have been deleted.');

function found<T>(company: T | undefined): T {
  if (company === undefined) throw companyGone();
  return company;
}

export function companyHandlers({ db, clock }: CoreContext) {
  const repo = companiesRepo(db);
  const trash = deleter(db);
  const write = writer(db);
  const checkVersion = versionCheck(db);
  const now = () => clock.now().toISOString();

  return {
    'companies.list': (query) => repo.list(query),
    'companies.get': ({ id }) => found(repo.get(id)),
    'companies.create': (draft) => repo.create(draft, now()),
    'companies.update': write(({ id, version, ...changes }: ParsedInput<'companies.update'>) => {
      checkVersion('company', id, version);
      return found(repo.update(id, changes, now()));
    }),
    'companies.delete': ({ id, contacts }) => {
      const trashed = found(trash.delete('company', [id], now(), contacts));
      return { id, trashId: trashed.trashId };
    },
  } satisfies Partial<Handlers>;
}
