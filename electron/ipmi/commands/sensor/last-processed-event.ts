// Get Last Processed Event ID (IPMI v2.0 §30.5, NetFn Sensor/Event 0x04, cmd 0x15): where PEF stands
// in the SEL (most recent addition, and the last record software and the BMC have processed).
import type { Requester } from '../../client/requester';
import { call, requireLength, type CommandSpec } from '../command-spec';

export const GET_LAST_PROCESSED_EVENT: CommandSpec = {
  netFn: 0x04,
  cmd: 0x15,
  name: 'Get Last Processed Event ID',
};

export interface LastProcessedEvent {
  /** seconds since 1970 of the most recent SEL addition */
  lastAddTime: number;
  lastRecordId: number;
  /** 0xFFFF: none */
  softwareProcessedId: number;
  bmcProcessedId: number;
}

export function decodeLastProcessedEvent(data: Uint8Array, host = ''): LastProcessedEvent {
  requireLength(data, 10, GET_LAST_PROCESSED_EVENT, host);
  const u16 = (at: number) => data[at]! | (data[at + 1]! << 8);
  return {
    lastAddTime: (u16(0) | (u16(2) << 16)) >>> 0,
    lastRecordId: u16(4),
    softwareProcessedId: u16(6),
    bmcProcessedId: u16(8),
  };
}

export async function getLastProcessedEvent(r: Requester): Promise<LastProcessedEvent> {
  return decodeLastProcessedEvent(await call(r, GET_LAST_PROCESSED_EVENT), r.host);
}
