import type { Migration } from '../migration';
import { contactsMigration } from './0001-contacts';
import { contactSearchMigration } from './0002-contact-search';
import { settingsMigration } from './0003-settings';
import { attachmentsMigration } from './0004-attachments';
import { trashMigration } from './0005-trash';
import { companiesMigration } from './0006-companies';
import { dealsMigration } from './0007-deals';
import { activitiesMigration } from './0008-activities';
import { historyMigration } from './0009-history';
import { tagsMigration } from './0010-tags';
import { customFieldsMigration } from './0011-custom-fields';
import { savedViewsMigration } from './0012-saved-views';
import { attachmentOwnersMigration } from './0013-attachment-owners';
import { searchMigration } from './0014-search';
import { duplicateKeysMigration } from './0015-duplicate-keys';
import { oneSearchIndexMigration } from './0016-one-search-index';
import { recordVersionsMigration } from './0017-record-versions';
import { sortKeysMigration } from './0018-sort-keys';
import { savedViewProblemsMigration } from './0019-saved-view-problems';
import { boardTotalsMigration } from './0020-board-totals';
import { importsMigration } from './0021-imports';
import { sortKeysByFirstWordMigration } from './0022-sort-keys-by-first-word';
import { marketingMigration } from './0023-marketing';
import { segmentIndexesMigration } from './0024-segment-indexes';
import { dashboardMigration } from './0025-dashboard';
import { erasuresMigration } from './0026-erasures';
import { sampleRecordsMigration } from './0027-sample-records';

/** Every migration in order. Append only: a released migration never changes. */
export const migrations: readonly Migration[] = [
  contactsMigration,
  contactSearchMigration,
  settingsMigration,
  attachmentsMigration,
  trashMigration,
  companiesMigration,
  dealsMigration,
  activitiesMigration,
  historyMigration,
  tagsMigration,
  customFieldsMigration,
  savedViewsMigration,
  attachmentOwnersMigration,
  searchMigration,
  duplicateKeysMigration,
  oneSearchIndexMigration,
  recordVersionsMigration,
  sortKeysMigration,
  savedViewProblemsMigration,
  boardTotalsMigration,
  importsMigration,
  sortKeysByFirstWordMigration,
  marketingMigration,
  segmentIndexesMigration,
  dashboardMigration,
  erasuresMigration,
  sampleRecordsMigration,
];

export const latestSchemaVersion = migrations[migrations.length - 1]?.version ?? 0;
