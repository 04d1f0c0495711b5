// Supermicro OEM Get Board ID (NetFn OEM 0x30, cmd 0x21): the board's product code, little-endian, which
// ipmitool 1.8.19 uses to name DIMM slots in memory SEL events (lib/helper.c ipmi_get_oem_id).
import type { Requester } from '../../../client/requester';
import { call, requireLength, type CommandSpec } from '../../command-spec';

export const SUPERMICRO_GET_BOARD_ID: CommandSpec = { netFn: 0x30, cmd: 0x21, name: 'Get Board ID' };

export function decodeBoardId(data: Uint8Array, host = ''): number {
  requireLength(data, 2, SUPERMICRO_GET_BOARD_ID, host);
  return data[0]! | (data[1]! << 8);
}

export async function getBoardId(r: Requester): Promise<number> {
  return decodeBoardId(await call(r, SUPERMICRO_GET_BOARD_ID), r.host);
}
