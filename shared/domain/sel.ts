// The SEL event view: what one System Event Log record means, as plain data. Built in main from the
// record bytes and the SDR (electron/views/sel-event.ts); the CLI prints ipmitool's `sel list|elist`
// text from it and the app's renderer shows it. Raw bytes travel along so nothing read is lost.
import { z } from 'zod';
import { stateCode } from './state-code';

const u8 = z.number().int().min(0).max(0xff);
const u16 = z.number().int().min(0).max(0xffff);
export const selRecordId = u16;

export const selTime = z.strictObject({
  /** the 32-bit timestamp as recorded */
  seconds: z.number().int().min(0).max(0xffffffff),
  /** below 0x20000000: seconds since the BMC initialised, not a date (IPMI v2.0 §37.1) */
  preInit: z.boolean(),
  /** 0xFFFFFFFF: the BMC logged no time */
  unspecified: z.boolean(),
  /** ISO-8601 UTC when the timestamp is a date */
  iso: z.string().optional(),
});
export type SelTime = z.infer<typeof selTime>;

/** The SDR record that describes the event's sensor (matched on sensor number, owner, sensor type). */
export const selSdrMatch = z.strictObject({
  /** the SDR ID string */
  name: z.string(),
  recordKind: z.enum(['full', 'compact', 'event-only']),
  entityId: u8,
  entityInstance: u8,
});

/** A trigger value in the sensor's units (full SDR records convert; other records give the raw byte). */
export const selValue = z.strictObject({
  value: z.number(),
  /** ipmitool's unit text, e.g. "degrees C"; '' when the SDR names none */
  unit: z.string(),
  raw: u8,
});

export const selSeverity = z.enum(['info', 'warning', 'critical']);
export type SelSeverity = z.infer<typeof selSeverity>;

export const selEvent = z.strictObject({
  id: selRecordId,
  /** 0x02 system event; 0xC0-0xDF OEM timestamped; 0xE0-0xFF OEM non-timestamped */
  recordType: u8,
  kind: z.enum(['system', 'oem-timestamped', 'oem']),
  /** absent for OEM non-timestamped records */
  time: selTime.optional(),
  /** system events: the sensor that logged it */
  sensor: z
    .strictObject({
      number: u8,
      type: u8,
      /** ipmitool's sensor type text ("Temperature", "Unknown") */
      typeName: z.string(),
      generatorId: u16,
      /** present when the SDR describes the sensor */
      sdr: selSdrMatch.optional(),
    })
    .optional(),
  /** system events: the event/reading type code and its class */
  eventType: z
    .strictObject({
      code: u8,
      name: z.enum([
        'Unspecified',
        'Threshold',
        'Generic Discrete',
        'Sensor-specific Discrete',
        'OEM',
        'Reserved',
      ]),
    })
    .optional(),
  direction: z.enum(['assertion', 'deassertion']).optional(),
  /** event data 1 low nibble: which state/threshold */
  offset: z.number().int().min(0).max(15).optional(),
  severity: selSeverity,
  /** the state in words (standard tables, or the vendor's text on BMCs ipmitool knows); '' when none */
  description: z.string(),
  /** the description's state as codes, when it comes from the standard tables (not a vendor's text) */
  stateCode: stateCode.optional(),
  /** threshold events with an SDR match: the reading that triggered the event */
  reading: selValue.optional(),
  /** threshold events with an SDR match: the threshold crossed, and which way */
  threshold: selValue.extend({ crossed: z.enum(['above', 'below']) }).optional(),
  /** memory ECC events of sensor 0 (event data 3) */
  memory: z.strictObject({ cpu: z.number().int(), dimm: z.number().int() }).optional(),
  /** OEM timestamped records */
  manufacturerId: z.number().int().min(0).max(0xffffff).optional(),
  /** OEM records: the OEM bytes, hex */
  oemData: z.string().optional(),
  /** record type 0xF0: the Linux kernel panic text */
  panic: z.string().optional(),
  /** the 16 record bytes as read, hex */
  raw: z.string().regex(/^[0-9a-f]{32}$/),
});
export type SelEvent = z.infer<typeof selEvent>;

export const selInfoView = z.strictObject({
  version: z.string(),
  entries: u16,
  /** bytes; 65535 means "65535 or more" */
  freeSpace: u16,
  lastAdd: selTime.optional(),
  lastErase: selTime.optional(),
  overflow: z.boolean(),
  supports: z.strictObject({
    delete: z.boolean(),
    partialAdd: z.boolean(),
    reserve: z.boolean(),
    allocationInfo: z.boolean(),
  }),
});
export type SelInfoView = z.infer<typeof selInfoView>;

/** One page of the SEL: the walk follows next-record IDs, so a page is continued from its `next`. */
export const selPage = z.strictObject({
  info: selInfoView,
  events: z.array(selEvent),
  /** the record ID the next page starts at; absent when this page reached the end of the SEL */
  next: selRecordId.optional(),
});
export type SelPage = z.infer<typeof selPage>;
