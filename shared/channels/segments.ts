import { z } from 'zod';
import {
  Segment,
  SegmentCount,
  SegmentCountRequest,
  SegmentDraft,
  SegmentList,
  SegmentMembers,
  SegmentMembersRequest,
  SegmentRef,
  SegmentUpdate,
} from '../schemas/segment';
import type { ChannelTable } from './table';

/** Segments: saved, live filters over contacts (contacts.list takes a segmentId too). */
export const segmentChannels = {
  /** Every segment in name order, each with its count now (null while it has a problem). */
  'segments.list': { input: z.strictObject({}), output: SegmentList },
  'segments.get': { input: SegmentRef, output: Segment },
  'segments.create': { input: SegmentDraft, output: Segment },
  'segments.update': { input: SegmentUpdate, output: Segment },
  /** Campaigns made from it keep their members; their segment link is cleared. */
  'segments.delete': { input: SegmentRef, output: z.strictObject({ id: z.int().positive() }) },
  /** How many contacts a definition matches now, asked while it is edited; null with the problems that stop it. */
  'segments.count': { input: SegmentCountRequest, output: SegmentCount },
  /** A page of the people a definition matches, in name order. */
  'segments.members': { input: SegmentMembersRequest, output: SegmentMembers },
} as const satisfies ChannelTable;
