import type { Handlers } from '../context';
import { exportService, type ExportServiceDeps } from './service';

/**
 * export.list and export.cancel: lists to CSV, Excel and vCard files (see
 * service.ts). Built once per core, beside the backup handlers: the job
 * reads the database file on a connection of its own.
 */
export function exportHandlers(deps: ExportServiceDeps) {
  const exports = exportService(deps);
  return {
    'export.list': (request) => exports.exportList(request),
    'export.cancel': () => ({ cancelled: exports.cancel() }),
  } satisfies Partial<Handlers>;
}
