// Chassis Identify (IPMI v2.0 §28.5, NetFn Chassis 0x00, cmd 0x04). No data = the BMC's default
// interval (15 s); byte 1 = interval in seconds (0 turns it off); byte 2 bit 0 = on until turned off.
// Byte 2 is optional in the spec and some BMCs reject it, so it is only sent when forcing.
import type { Requester } from '../../client/requester';
import { argumentError } from '../../errors';
import { call, type CommandSpec } from '../command-spec';

export const CHASSIS_IDENTIFY: CommandSpec = { netFn: 0x00, cmd: 0x04, name: 'Chassis Identify' };

export type IdentifyRequest =
  { kind: 'default' } | { kind: 'interval'; seconds: number } | { kind: 'force-on' };

export function encodeChassisIdentify(req: IdentifyRequest): Uint8Array {
  switch (req.kind) {
    case 'default':
      return new Uint8Array(0);
    case 'interval':
      if (!Number.isInteger(req.seconds) || req.seconds < 0 || req.seconds > 255)
        throw argumentError(`identify interval must be 0..255 seconds, got ${req.seconds}`, {
          command: CHASSIS_IDENTIFY.name,
        });
      return Uint8Array.of(req.seconds);
    case 'force-on':
      return Uint8Array.of(0, 1);
    default:
      throw argumentError('unknown identify request', { command: CHASSIS_IDENTIFY.name });
  }
}

export async function chassisIdentify(r: Requester, req: IdentifyRequest): Promise<void> {
  const data = encodeChassisIdentify(req);
  await call(r, CHASSIS_IDENTIFY, data.length ? data : undefined);
}
