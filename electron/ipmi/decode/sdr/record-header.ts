// The 5-byte header every SDR starts with (IPMI v2.0 §43): record ID, SDR version, record type,
// number of bytes that follow.
import { IpmiError } from '../../errors';

export const SDR_HEADER_LENGTH = 5;

export const enum SdrRecordType {
  FullSensor = 0x01,
  CompactSensor = 0x02,
  EventOnlySensor = 0x03,
  EntityAssociation = 0x08,
  DeviceRelativeEntityAssociation = 0x09,
  GenericDeviceLocator = 0x10,
  FruDeviceLocator = 0x11,
  McDeviceLocator = 0x12,
  McConfirmation = 0x13,
  BmcMessageChannelInfo = 0x14,
  Oem = 0xc0,
}

export interface SdrHeader {
  recordId: number;
  /** 0x51 = v1.5 (BCD, low nibble major) */
  version: number;
  recordType: number;
  /** bytes after the header */
  length: number;
}

export function decodeSdrHeader(bytes: Uint8Array): SdrHeader {
  if (bytes.length < SDR_HEADER_LENGTH) {
    throw new IpmiError('protocol', `SDR header truncated: ${bytes.length} of ${SDR_HEADER_LENGTH} bytes`);
  }
  return {
    recordId: bytes[0]! | (bytes[1]! << 8),
    version: bytes[2]!,
    recordType: bytes[3]!,
    length: bytes[4]!,
  };
}

/** Checks that a record holds at least `need` bytes (header included) before fields are read. */
export function requireLength(bytes: Uint8Array, need: number, what: string): void {
  if (bytes.length < need)
    throw new IpmiError('protocol', `${what} truncated: ${bytes.length} of at least ${need} bytes`);
}
