// FRU multi-record area (FRU Information Storage Definition v1.0 §16-18): a chain of records, each with
// a 5-byte header (type, [7] end-of-list | [3:0] format 2, length, record checksum, header checksum).
import { IpmiError } from '../../errors';
import { checksum, checksumOk } from '../../wire/checksum';
import type { FruProblem } from './info-area';

export const MULTI_RECORD_TYPE_NAMES: Record<number, string> = {
  0x00: 'Power Supply Information',
  0x01: 'DC Output',
  0x02: 'DC Load',
  0x03: 'Management Access',
  0x04: 'Base Compatibility',
  0x05: 'Extended Compatibility',
  0x06: 'ASF Fixed SMBus Device',
  0x07: 'ASF Legacy-Device Alerts',
  0x08: 'ASF Remote Control',
  0x09: 'Extended DC Output',
  0x0a: 'Extended DC Load',
  0x0b: 'NVMe',
  0x0c: 'NVMe',
  0x0d: 'NVMe',
  0x0e: 'NVMe',
  0x0f: 'NVMe',
};

export const multiRecordTypeName = (type: number): string =>
  MULTI_RECORD_TYPE_NAMES[type] ?? (type >= 0xc0 ? 'OEM' : 'Reserved');

export interface DcOutput {
  outputNumber: number;
  standby: boolean;
  /** volts */
  nominalVoltage: number;
  maxNegativeDeviation: number;
  maxPositiveDeviation: number;
  /** millivolts peak to peak */
  rippleAndNoise: number;
  /** amperes */
  minCurrent: number;
  maxCurrent: number;
}

export interface DcLoad {
  outputNumber: number;
  nominalVoltage: number;
  minVoltage: number;
  maxVoltage: number;
  rippleAndNoise: number;
  minCurrent: number;
  maxCurrent: number;
}

export interface PowerSupply {
  /** watts */
  capacity: number;
  peakVa: number;
  inrushCurrent: number;
  inrushIntervalMs: number;
  /** volts */
  inputVoltageRange1: [number, number];
  inputVoltageRange2: [number, number];
  inputFrequencyRange: [number, number];
  dropoutToleranceMs: number;
  flags: number;
  peakCapacity: number;
  peakHoldUpSeconds: number;
  combinedCapacity: number;
}

export const MANAGEMENT_ACCESS_SUBTYPES: Record<number, string> = {
  0x01: 'System Management URL',
  0x02: 'System Name',
  0x03: 'System Ping Address',
  0x04: 'Component Management URL',
  0x05: 'Component Name',
  0x06: 'Component Ping Address',
  0x07: 'System Unique ID',
};

export interface ManagementAccess {
  subtype: number;
  subtypeName: string;
  text: string;
}

export interface Compatibility {
  manufacturerId: number;
  entityId: number;
  compatibilityBase: number;
  codeStart: number;
  codeRangeMask: Uint8Array;
}

export type MultiRecordBody =
  | { kind: 'power-supply'; value: PowerSupply }
  | { kind: 'dc-output'; value: DcOutput }
  | { kind: 'dc-load'; value: DcLoad }
  | { kind: 'management-access'; value: ManagementAccess }
  | { kind: 'compatibility'; value: Compatibility }
  | { kind: 'oem'; manufacturerId: number }
  | { kind: 'other' };

export interface MultiRecord {
  offset: number;
  type: number;
  typeName: string;
  formatVersion: number;
  endOfList: boolean;
  data: Uint8Array;
  headerChecksumOk: boolean;
  recordChecksumOk: boolean;
  body: MultiRecordBody;
}

const MULTI_HEADER = 5;

/** Walks the chain from `offset`; stops at end-of-list, at the end of the data, or at a malformed
 *  header (reported in `problems`). A bad record checksum is reported and the record still decoded. */
export function decodeMultiRecords(data: Uint8Array, offset: number, problems: FruProblem[]): MultiRecord[] {
  const records: MultiRecord[] = [];
  let at = offset;
  // Each record is at least 5 bytes, so a chain longer than this loops on itself.
  for (let guard = 0; guard < 4096; guard++) {
    if (at + MULTI_HEADER > data.length) {
      problems.push({ area: 'multi-record', message: `record header at offset ${at} is truncated` });
      return records;
    }
    const headerChecksumOk = checksumOk(data, at, at + MULTI_HEADER);
    const type = data[at]!;
    const format = data[at + 1]!;
    const length = data[at + 2]!;
    if (!headerChecksumOk) {
      // A header that does not verify may hold any length: following it would misparse the rest.
      problems.push({ area: 'multi-record', message: `record header at offset ${at} has a bad checksum` });
      return records;
    }
    const start = at + MULTI_HEADER;
    const truncated = start + length > data.length;
    const body = data.slice(start, Math.min(start + length, data.length));
    const recordChecksumOk = !truncated && checksum(body) === data[at + 3];
    if (truncated) problems.push({ area: 'multi-record', message: `record at offset ${at} is truncated` });
    else if (!recordChecksumOk)
      problems.push({ area: 'multi-record', message: `record at offset ${at} has a bad checksum` });
    let decoded: MultiRecordBody;
    try {
      decoded = decodeBody(type, body);
    } catch (e) {
      if (!(e instanceof IpmiError)) throw e;
      problems.push({ area: 'multi-record', message: `record at offset ${at}: ${e.message}` });
      decoded = { kind: 'other' };
    }
    records.push({
      offset: at,
      type,
      typeName: multiRecordTypeName(type),
      formatVersion: format & 0x0f,
      endOfList: (format & 0x80) !== 0,
      data: body,
      headerChecksumOk,
      recordChecksumOk,
      body: decoded,
    });
    if (format & 0x80 || truncated) return records;
    at = start + length;
  }
  problems.push({ area: 'multi-record', message: 'record chain does not end' });
  return records;
}

function need(body: Uint8Array, n: number, what: string): DataView {
  if (body.length < n) throw new IpmiError('protocol', `${what} record needs ${n} bytes, got ${body.length}`);
  return new DataView(body.buffer, body.byteOffset, body.byteLength);
}

function decodeBody(type: number, body: Uint8Array): MultiRecordBody {
  switch (type) {
    case 0x00: {
      const v = need(body, 24, 'power supply');
      const peak = v.getUint16(18, true);
      return {
        kind: 'power-supply',
        value: {
          capacity: v.getUint16(0, true) & 0x0fff,
          peakVa: v.getUint16(2, true),
          inrushCurrent: v.getUint8(4),
          inrushIntervalMs: v.getUint8(5),
          inputVoltageRange1: [v.getUint16(6, true) / 100, v.getUint16(8, true) / 100],
          inputVoltageRange2: [v.getUint16(10, true) / 100, v.getUint16(12, true) / 100],
          inputFrequencyRange: [v.getUint8(14), v.getUint8(15)],
          dropoutToleranceMs: v.getUint8(16),
          flags: v.getUint8(17),
          peakCapacity: peak & 0x0fff,
          peakHoldUpSeconds: peak >> 12,
          combinedCapacity: v.getUint16(21, true),
        },
      };
    }
    case 0x01: {
      const v = need(body, 13, 'DC output');
      return {
        kind: 'dc-output',
        value: {
          outputNumber: body[0]! & 0x0f,
          standby: (body[0]! & 0x80) !== 0,
          nominalVoltage: v.getInt16(1, true) / 100,
          maxNegativeDeviation: v.getInt16(3, true) / 100,
          maxPositiveDeviation: v.getInt16(5, true) / 100,
          rippleAndNoise: v.getUint16(7, true),
          minCurrent: v.getUint16(9, true) / 1000,
          maxCurrent: v.getUint16(11, true) / 1000,
        },
      };
    }
    case 0x02: {
      const v = need(body, 13, 'DC load');
      return {
        kind: 'dc-load',
        value: {
          outputNumber: body[0]! & 0x0f,
          nominalVoltage: v.getInt16(1, true) / 100,
          minVoltage: v.getInt16(3, true) / 100,
          maxVoltage: v.getInt16(5, true) / 100,
          rippleAndNoise: v.getUint16(7, true),
          minCurrent: v.getUint16(9, true) / 1000,
          maxCurrent: v.getUint16(11, true) / 1000,
        },
      };
    }
    case 0x03: {
      need(body, 1, 'management access');
      const subtype = body[0]!;
      return {
        kind: 'management-access',
        value: {
          subtype,
          subtypeName: MANAGEMENT_ACCESS_SUBTYPES[subtype] ?? 'Reserved',
          // The system unique ID is a GUID, everything else text.
          text:
            subtype === 0x07
              ? Buffer.from(body.slice(1)).toString('hex')
              : Buffer.from(body.slice(1)).toString('latin1'),
        },
      };
    }
    case 0x04:
    case 0x05: {
      need(body, 6, 'compatibility');
      return {
        kind: 'compatibility',
        value: {
          manufacturerId: body[0]! | (body[1]! << 8) | (body[2]! << 16),
          entityId: body[3]!,
          compatibilityBase: body[4]!,
          codeStart: body[5]! & 0x7f,
          codeRangeMask: body.slice(6),
        },
      };
    }
    default:
      if (type >= 0xc0 && body.length >= 3)
        return { kind: 'oem', manufacturerId: body[0]! | (body[1]! << 8) | (body[2]! << 16) };
      return { kind: 'other' };
  }
}
