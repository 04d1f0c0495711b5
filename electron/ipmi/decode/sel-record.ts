// SEL records (IPMI v2.0 §32): 16 bytes, record ID (2) and record type (1), then by type: system event
// (0x02 - and, as ipmitool treats them, every other type below 0xC0), OEM timestamped (0xC0-0xDF) or
// OEM non-timestamped (0xE0-0xFF).
import { IpmiError } from '../errors';

export const SEL_RECORD_SIZE = 16;
/** Timestamps below this count seconds since BMC initialisation, not since 1970 (IPMI v2.0 §37.1). */
export const SEL_TIME_INIT_DONE = 0x20000000;
export const SEL_TIME_UNSPECIFIED = 0xffffffff;

export interface SystemEventRecord {
  kind: 'system';
  recordId: number;
  recordType: number;
  timestamp: number;
  /** [0] 0 = IPMB slave address in [7:1], 1 = system software ID; [15:12] channel, [9:8] LUN */
  generatorId: number;
  evmRevision: number;
  sensorType: number;
  sensorNumber: number;
  /** false = assertion */
  deassertion: boolean;
  eventType: number;
  eventData: [number, number, number];
}

export interface OemTimestampedRecord {
  kind: 'oem-timestamped';
  recordId: number;
  recordType: number;
  timestamp: number;
  manufacturerId: number;
  oemData: Uint8Array;
}

export interface OemRecord {
  kind: 'oem';
  recordId: number;
  recordType: number;
  oemData: Uint8Array;
}

export type SelRecord = SystemEventRecord | OemTimestampedRecord | OemRecord;

const u32 = (b: Uint8Array, at: number) =>
  (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;

export function decodeSelRecord(bytes: Uint8Array): SelRecord {
  if (bytes.length < SEL_RECORD_SIZE)
    throw new IpmiError('protocol', `SEL record has ${bytes.length} bytes, expected ${SEL_RECORD_SIZE}`);
  const recordId = bytes[0]! | (bytes[1]! << 8);
  const recordType = bytes[2]!;
  if (recordType >= 0xe0) return { kind: 'oem', recordId, recordType, oemData: bytes.slice(3, 16) };
  if (recordType >= 0xc0)
    return {
      kind: 'oem-timestamped',
      recordId,
      recordType,
      timestamp: u32(bytes, 3),
      manufacturerId: bytes[7]! | (bytes[8]! << 8) | (bytes[9]! << 16),
      oemData: bytes.slice(10, 16),
    };
  return {
    kind: 'system',
    recordId,
    recordType,
    timestamp: u32(bytes, 3),
    generatorId: bytes[7]! | (bytes[8]! << 8),
    evmRevision: bytes[9]!,
    sensorType: bytes[10]!,
    sensorNumber: bytes[11]!,
    deassertion: (bytes[12]! & 0x80) !== 0,
    eventType: bytes[12]! & 0x7f,
    eventData: [bytes[13]!, bytes[14]!, bytes[15]!],
  };
}

/** Event data 1 [7:6] / [5:4] for threshold events: 01 = byte 2 holds the trigger reading, byte 3 the
 *  trigger threshold. */
export const hasTriggerReading = (r: SystemEventRecord): boolean => ((r.eventData[0] >> 6) & 3) === 1;
export const hasTriggerThreshold = (r: SystemEventRecord): boolean => ((r.eventData[0] >> 4) & 3) === 1;
export const eventOffset = (r: SystemEventRecord): number => r.eventData[0] & 0x0f;

/** The 16 bytes of a system event record (the inverse of decodeSelRecord for kind 'system'). */
export function encodeSystemEventRecord(r: SystemEventRecord): Uint8Array {
  const b = Buffer.alloc(SEL_RECORD_SIZE);
  b.writeUInt16LE(r.recordId & 0xffff, 0);
  b[2] = r.recordType;
  b.writeUInt32LE(r.timestamp >>> 0, 3);
  b.writeUInt16LE(r.generatorId & 0xffff, 7);
  b[9] = r.evmRevision;
  b[10] = r.sensorType;
  b[11] = r.sensorNumber;
  b[12] = (r.eventType & 0x7f) | (r.deassertion ? 0x80 : 0);
  b.set(r.eventData, 13);
  return new Uint8Array(b);
}
