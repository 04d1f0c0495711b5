// Get Device ID (IPMI v2.0 §20.1, NetFn App 0x06, cmd 0x01). Response data (11 bytes, + 4 optional):
//   1 device ID | 2 [7] provides device SDRs, [3:0] device revision | 3 [7] 1 = firmware update in
//   progress, [6:0] major firmware revision | 4 minor firmware revision (BCD) | 5 IPMI version, BCD
//   nibbles minor:major | 6 additional device support bits | 7-9 manufacturer ID (IANA, LE, 20 bits)
//   | 10-11 product ID (LE) | 12-15 auxiliary firmware revision (optional)
import type { Requester } from '../../client/requester';
import { call, requireLength, type CommandSpec } from '../command-spec';

export const GET_DEVICE_ID: CommandSpec = { netFn: 0x06, cmd: 0x01, name: 'Get Device ID' };

/** Additional device support, bit 0 first (spec table 20-2). */
export const DEVICE_SUPPORT = [
  'sensor',
  'sdr-repository',
  'sel',
  'fru-inventory',
  'ipmb-event-receiver',
  'ipmb-event-generator',
  'bridge',
  'chassis',
] as const;
export type DeviceSupport = (typeof DEVICE_SUPPORT)[number];

export interface DeviceId {
  deviceId: number;
  deviceRevision: number;
  providesDeviceSdrs: boolean;
  /** false while a firmware update or self-initialisation is in progress */
  deviceAvailable: boolean;
  firmwareMajor: number;
  /** raw BCD byte; shown in hex ("9.08") */
  firmwareMinor: number;
  ipmiVersion: { major: number; minor: number };
  /** raw support byte, and the same as names */
  supportBits: number;
  support: DeviceSupport[];
  manufacturerId: number;
  productId: number;
  auxFirmware?: Buffer;
}

export function decodeDeviceId(data: Uint8Array, host = ''): DeviceId {
  requireLength(data, 11, GET_DEVICE_ID, host);
  const b = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const supportBits = b[5]!;
  const out: DeviceId = {
    deviceId: b[0]!,
    deviceRevision: b[1]! & 0x0f,
    providesDeviceSdrs: (b[1]! & 0x80) !== 0,
    deviceAvailable: (b[2]! & 0x80) === 0,
    firmwareMajor: b[2]! & 0x7f,
    firmwareMinor: b[3]!,
    ipmiVersion: { major: b[4]! & 0x0f, minor: b[4]! >> 4 },
    supportBits,
    support: DEVICE_SUPPORT.filter((_, i) => (supportBits & (1 << i)) !== 0),
    manufacturerId: b.readUIntLE(6, 3) & 0x0fffff,
    productId: b.readUInt16LE(9),
  };
  if (b.length >= 15) out.auxFirmware = Buffer.from(b.subarray(11, 15));
  return out;
}

export async function getDeviceId(r: Requester): Promise<DeviceId> {
  return decodeDeviceId(await call(r, GET_DEVICE_ID), r.host);
}
