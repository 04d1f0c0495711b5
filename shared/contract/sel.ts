// The System Event Log (IPMI v2.0 §31): events as views (shared/domain/sel.ts), read in pages, cleared
// with an optional export first, deleted by ID, and the SEL clock read, set and synchronised.
import { z } from 'zod';
import { call, operationId } from './define';
import { hostId } from '../domain/host';
import { selEvent, selPage, selRecordId, selTime } from '../domain/sel';

export const selCalls = {
  'sel.list': call({
    summary: 'SEL events, oldest first, one page at a time (or the last N), each streamed as progress',
    privilege: 'user',
    input: z.strictObject({
      hostId,
      operationId,
      /** a previous page's `next`; default the first record */
      cursor: selRecordId.optional(),
      /** records in this page; default all (to the end) */
      limit: z.number().int().min(1).max(65535).optional(),
      /** the last N records instead of a page (cursor and limit then do not apply) */
      last: z.number().int().min(1).max(65535).optional(),
      /** name each event's sensor and convert threshold values from the SDR (default true) */
      sensors: z.boolean().optional(),
    }),
    output: selPage,
    progress: selEvent,
    example: { hostId: 'h0example01', operationId: 'op-example-sel1', limit: 100 },
  }),
  'sel.clear': call({
    summary: 'Erase the SEL, optionally reading every event first and returning them (export)',
    privilege: 'operator',
    input: z.strictObject({
      hostId,
      operationId,
      /** read and return every event before erasing; the erase is refused if the SEL changes meanwhile */
      export: z.boolean().optional(),
    }),
    output: z.strictObject({
      /** entries left after the erase, read back (0 unless the BMC logged new events meanwhile) */
      entriesAfter: z.number().int().min(0).max(0xffff),
      exported: z.array(selEvent).optional(),
    }),
    progress: selEvent,
    example: { hostId: 'h0example01', operationId: 'op-example-sel2', export: true },
  }),
  'sel.delete': call({
    summary: 'Delete SEL entries by record ID, under one reservation',
    privilege: 'operator',
    input: z.strictObject({ hostId, ids: z.array(selRecordId).min(1).max(256) }),
    output: z.strictObject({ deleted: z.array(selRecordId) }),
    example: { hostId: 'h0example01', ids: [5] },
  }),
  'sel.time.get': call({
    summary: "The SEL clock, and how far it is from this computer's clock",
    privilege: 'user',
    input: z.strictObject({ hostId }),
    output: z.strictObject({ time: selTime, offsetSeconds: z.number().int() }),
    example: { hostId: 'h0example01' },
  }),
  'sel.time.set': call({
    summary: 'Set the SEL clock (seconds since 1970 UTC), read back',
    privilege: 'operator',
    input: z.strictObject({ hostId, seconds: z.number().int().min(0).max(0xffffffff) }),
    output: z.strictObject({ time: selTime }),
    example: { hostId: 'h0example01', seconds: 1_700_000_000 },
  }),
  'sel.time.sync': call({
    summary: "Set the SEL clock to this computer's clock, read back",
    privilege: 'operator',
    input: z.strictObject({ hostId }),
    output: z.strictObject({ before: selTime, after: selTime, offsetBeforeSeconds: z.number().int() }),
    example: { hostId: 'h0example01' },
  }),
};
