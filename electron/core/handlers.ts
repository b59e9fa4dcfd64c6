import { attachmentHandlers } from './attachments/handlers';
import type { CoreContext, Handlers } from './context';
import { contactHandlers } from './contacts/handlers';
import { latestSchemaVersion } from './db/migrations';

/** The one handler table main and the e2e harness both dispatch to. */
export function createHandlers(context: CoreContext): Handlers {
  return {
    'app.info': () => ({ version: context.appVersion, schemaVersion: latestSchemaVersion }),
    ...contactHandlers(context),
    ...attachmentHandlers(context),
  };
}
