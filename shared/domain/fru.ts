// The FRU view: one FRU inventory device decoded (Platform Management FRU Information Storage
// Definition v1.0): its info areas and their fields, the multi-records, and every checksum or
// truncation problem found. Built in main by electron/views/fru.ts; the CLI's `fru print` and the app
// both read it. Field bytes travel as hex next to the decoded text so a printer can reproduce a
// reference tool's rendering without decoding.
import { z } from 'zod';
import { errorData } from '../errors';

const byte = z.number().int().min(0).max(255);
const hex = z.string().regex(/^([0-9a-f]{2})*$/);

export const fruFieldEncoding = z.enum(['binary', 'bcd-plus', 'ascii6', 'latin1']);

export const fruField = z.strictObject({
  /** the field's name in its area's layout (`partNumber`, `serialNumber`, …), or `custom` */
  key: z.string(),
  encoding: fruFieldEncoding,
  /** decoded text; binary fields as lower-case hex */
  text: z.string(),
  /** the stored bytes (without the type/length byte) */
  hex,
});
export type FruFieldView = z.infer<typeof fruField>;

export const fruArea = z.strictObject({
  kind: z.enum(['chassis', 'board', 'product']),
  offset: z.number().int().min(0),
  /** declared length in bytes */
  length: z.number().int().min(0),
  version: byte,
  checksumOk: z.boolean(),
  truncated: z.boolean(),
  /** named fields in layout order, then the custom fields (key `custom`) */
  fields: z.array(fruField),
  /** chassis area: SMBIOS chassis type */
  chassisType: z.strictObject({ code: byte, name: z.string() }).optional(),
  /** board and product areas: language code */
  language: byte.optional(),
  /** board area: manufacturing time in minutes since 1996-01-01 00:00 UTC (0: unspecified), and as ISO */
  manufactured: z.strictObject({ minutes: z.number().int().min(0), iso: z.string().optional() }).optional(),
});
export type FruAreaView = z.infer<typeof fruArea>;

const pair = z.tuple([z.number(), z.number()]);

export const fruMultiRecordBody = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('power-supply'),
    capacityWatts: z.number(),
    peakVa: z.number(),
    inrushCurrent: z.number(),
    inrushIntervalMs: z.number(),
    inputVoltageRange1: pair,
    inputVoltageRange2: pair,
    inputFrequencyRange: pair,
    dropoutToleranceMs: z.number(),
    flags: byte,
    peakCapacityWatts: z.number(),
    peakHoldUpSeconds: z.number(),
    combinedCapacityWatts: z.number(),
  }),
  z.strictObject({
    kind: z.literal('dc-output'),
    outputNumber: z.number().int(),
    standby: z.boolean(),
    nominalVoltage: z.number(),
    maxNegativeDeviation: z.number(),
    maxPositiveDeviation: z.number(),
    rippleAndNoiseMv: z.number(),
    minCurrent: z.number(),
    maxCurrent: z.number(),
  }),
  z.strictObject({
    kind: z.literal('dc-load'),
    outputNumber: z.number().int(),
    nominalVoltage: z.number(),
    minVoltage: z.number(),
    maxVoltage: z.number(),
    rippleAndNoiseMv: z.number(),
    minCurrent: z.number(),
    maxCurrent: z.number(),
  }),
  z.strictObject({
    kind: z.literal('management-access'),
    subtype: byte,
    subtypeName: z.string(),
    text: z.string(),
  }),
  z.strictObject({
    kind: z.literal('compatibility'),
    manufacturerId: z.number().int(),
    entityId: byte,
    compatibilityBase: byte,
    codeStart: byte,
    codeRangeMask: hex,
  }),
  z.strictObject({ kind: z.literal('oem'), manufacturerId: z.number().int() }),
  z.strictObject({ kind: z.literal('other') }),
]);

export const fruMultiRecord = z.strictObject({
  offset: z.number().int().min(0),
  type: byte,
  typeName: z.string(),
  formatVersion: z.number().int(),
  endOfList: z.boolean(),
  headerChecksumOk: z.boolean(),
  recordChecksumOk: z.boolean(),
  hex,
  body: fruMultiRecordBody,
});

export const fruProblem = z.strictObject({
  /** header, chassis, board, product, multi-record */
  area: z.string(),
  message: z.string(),
});

export const fruView = z.strictObject({
  deviceId: byte,
  /** inventory area size in bytes (Get FRU Inventory Area Info) */
  size: z.number().int().min(0),
  wordAccess: z.boolean(),
  headerChecksumOk: z.boolean(),
  chassis: fruArea.optional(),
  board: fruArea.optional(),
  product: fruArea.optional(),
  multiRecords: z.array(fruMultiRecord),
  internalUseHex: hex.optional(),
  /** checksum, truncation and format problems, per area; the other areas are still decoded */
  problems: z.array(fruProblem),
});
export type FruView = z.infer<typeof fruView>;

/** One FRU device of a host: the built-in one (ID 0) or a logical FRU device locator of the SDR. */
export const fruDevice = z.strictObject({
  deviceId: byte,
  /** the locator's name; "Builtin FRU Device" for ID 0 */
  name: z.string(),
  fru: fruView.optional(),
  /** the device could not be read (absent: completion code, no response, malformed) */
  error: errorData.optional(),
  /** a locator this app does not read (bridged controllers, DIMM SPD) */
  unsupported: z.boolean().optional(),
});
export type FruDevice = z.infer<typeof fruDevice>;
