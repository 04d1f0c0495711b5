// Get POH Counter (IPMI v2.0 §28.14, NetFn Chassis 0x00, cmd 0x0F). Response: byte 1 minutes per
// count, bytes 2-5 the counter (little-endian). Power-on minutes = count x minutes per count.
import type { Requester } from '../../client/requester';
import { call, requireLength, type CommandSpec } from '../command-spec';

export const GET_POH_COUNTER: CommandSpec = { netFn: 0x00, cmd: 0x0f, name: 'Get POH Counter' };

export interface PohCounter {
  minutesPerCount: number;
  count: number;
  /** count x minutesPerCount */
  minutes: number;
}

export function decodePohCounter(data: Uint8Array, host = ''): PohCounter {
  requireLength(data, 5, GET_POH_COUNTER, host);
  const minutesPerCount = data[0]!;
  const count = Buffer.from(data.buffer, data.byteOffset, data.byteLength).readUInt32LE(1);
  return { minutesPerCount, count, minutes: count * minutesPerCount };
}

export async function getPohCounter(r: Requester): Promise<PohCounter> {
  return decodePohCounter(await call(r, GET_POH_COUNTER), r.host);
}
