// Get System Restart Cause (IPMI v2.0 §28.11, NetFn Chassis 0x00, cmd 0x07). Response byte 1 bits 3:0
// the cause, byte 2 the channel the restart was requested on (optional on some BMCs).
import type { Requester } from '../../client/requester';
import { call, requireLength, type CommandSpec } from '../command-spec';
import { RESTART_CAUSES } from '../../../../shared/domain/chassis';

export const GET_SYSTEM_RESTART_CAUSE: CommandSpec = {
  netFn: 0x00,
  cmd: 0x07,
  name: 'Get System Restart Cause',
};

/** Spec table 28-11 by code (0x00-0x0b), the names the app's view uses; 0x0c-0x0f are reserved. */
const CAUSE_BY_CODE = RESTART_CAUSES.filter((c) => c !== 'reserved');
export type RestartCause = (typeof RESTART_CAUSES)[number];

export interface SystemRestartCause {
  cause: RestartCause;
  /** the raw 4-bit code, kept for reserved values */
  code: number;
  channel?: number;
}

export function decodeSystemRestartCause(data: Uint8Array, host = ''): SystemRestartCause {
  requireLength(data, 1, GET_SYSTEM_RESTART_CAUSE, host);
  const code = data[0]! & 0x0f;
  const out: SystemRestartCause = { cause: CAUSE_BY_CODE[code] ?? 'reserved', code };
  if (data[1] !== undefined) out.channel = data[1] & 0x0f;
  return out;
}

export async function getSystemRestartCause(r: Requester): Promise<SystemRestartCause> {
  return decodeSystemRestartCause(await call(r, GET_SYSTEM_RESTART_CAUSE), r.host);
}
