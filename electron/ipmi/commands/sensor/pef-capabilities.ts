// Get PEF Capabilities (IPMI v2.0 §30.1, NetFn Sensor/Event 0x04, cmd 0x10): PEF version, the actions
// the BMC can take on an event, and the size of its event filter table.
import type { Requester } from '../../client/requester';
import { call, requireLength, type CommandSpec } from '../command-spec';

export const GET_PEF_CAPABILITIES: CommandSpec = { netFn: 0x04, cmd: 0x10, name: 'Get PEF Capabilities' };

/** Action support bits (byte 2), in ipmitool's print order. */
export const PEF_ACTIONS: readonly (readonly [string, number])[] = [
  ['Alert', 0x01],
  ['Power-off', 0x02],
  ['Reset', 0x04],
  ['Power-cycle', 0x08],
  ['OEM-defined', 0x10],
  ['Diagnostic-interrupt', 0x20],
];

export interface PefCapabilities {
  /** BCD, 0x51 = 1.5 */
  version: number;
  /** action support bits */
  actions: number;
  eventFilterCount: number;
}

export function decodePefCapabilities(data: Uint8Array, host = ''): PefCapabilities {
  requireLength(data, 3, GET_PEF_CAPABILITIES, host);
  return { version: data[0]!, actions: data[1]!, eventFilterCount: data[2]! };
}

export async function getPefCapabilities(r: Requester): Promise<PefCapabilities> {
  return decodePefCapabilities(await call(r, GET_PEF_CAPABILITIES), r.host);
}
