import type { CoreContext, Handlers } from '../context';
import { exportService } from './service';

/** export.list and export.cancel: lists to CSV, Excel and vCard files (see service.ts). */
export function exportHandlers({ databaseFile, jobs, desktop, clock, logger, emit }: CoreContext) {
  const exports = exportService({ databaseFile, jobs, desktop, clock, logger, emit });
  return {
    'export.list': (request) => exports.exportList(request),
    'export.cancel': () => ({ cancelled: exports.cancel() }),
  } satisfies Partial<Handlers>;
}
