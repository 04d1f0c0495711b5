// Get Device GUID (IPMI v2.0 §20.8, NetFn App 0x06, cmd 0x08) and Get System GUID (§22.14, cmd 0x37).
// Both answer 16 bytes. The spec stores the GUID least-significant byte first (node first, time_low
// last), but BMCs in the field also send RFC 4122 or SMBIOS order; interpretation is left to the
// caller (see cli/format/mc.ts for ipmitool's detection).
import type { Requester } from '../../client/requester';
import { call, requireLength, type CommandSpec } from '../command-spec';

export const GET_DEVICE_GUID: CommandSpec = { netFn: 0x06, cmd: 0x08, name: 'Get Device GUID' };
export const GET_SYSTEM_GUID: CommandSpec = { netFn: 0x06, cmd: 0x37, name: 'Get System GUID' };

export function decodeGuid(data: Uint8Array, spec: CommandSpec = GET_SYSTEM_GUID, host = ''): Buffer {
  requireLength(data, 16, spec, host);
  return Buffer.from(data.subarray(0, 16));
}

export async function getDeviceGuid(r: Requester): Promise<Buffer> {
  return decodeGuid(await call(r, GET_DEVICE_GUID), GET_DEVICE_GUID, r.host);
}

/** What `ipmitool mc guid` reads (despite its name, ipmitool sends cmd 0x37). */
export async function getSystemGuid(r: Requester): Promise<Buffer> {
  return decodeGuid(await call(r, GET_SYSTEM_GUID), GET_SYSTEM_GUID, r.host);
}
