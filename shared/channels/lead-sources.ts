import { z } from 'zod';
import { OptedOutCount, OptedOutRequest } from '../schemas/bulk';
import {
  LeadSource,
  LeadSourceDelete,
  LeadSourceDraft,
  LeadSourceList,
  LeadSourceRemoved,
  LeadSourceRename,
  LeadSourceReorder,
} from '../schemas/lead-source';
import type { ChannelTable } from './table';

/** Lead sources and consent. */
export const leadSourceChannels = {
  'leadSources.list': { input: z.strictObject({}), output: LeadSourceList },
  'leadSources.create': { input: LeadSourceDraft, output: LeadSource },
  /** Renames the source on every contact and company that carries it, in one transaction. */
  'leadSources.rename': { input: LeadSourceRename, output: LeadSource },
  'leadSources.reorder': { input: LeadSourceReorder, output: LeadSourceList },
  'leadSources.delete': { input: LeadSourceDelete, output: LeadSourceRemoved },
  /** How many of a contact selection unsubscribed or asked not to be contacted (a bulk consent change asks about them). */
  'consent.optedOut': { input: OptedOutRequest, output: OptedOutCount },
} as const satisfies ChannelTable;
