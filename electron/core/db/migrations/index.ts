import type { Migration } from '../migration';
import { contactsMigration } from './0001-contacts';
import { contactSearchMigration } from './0002-contact-search';
import { settingsMigration } from './0003-settings';
import { attachmentsMigration } from './0004-attachments';

/** Every migration in order. Append only: a released migration never changes. */
export const migrations: readonly Migration[] = [
  contactsMigration,
  contactSearchMigration,
  settingsMigration,
  attachmentsMigration,
];

export const latestSchemaVersion = migrations[migrations.length - 1]?.version ?? 0;
