// Get Channel Access (IPMI v2.0 §22.23, NetFn App 0x06, cmd 0x41). The BMC keeps two copies of the
// settings: non-volatile (what it boots with) and volatile (what is active now).
import type { Requester } from '../../client/requester';
import { call, requireLength, type CommandSpec } from '../command-spec';
import { assertChannel } from './user-ids';

export const GET_CHANNEL_ACCESS: CommandSpec = { netFn: 0x06, cmd: 0x41, name: 'Get Channel Access' };

export type ChannelAccessCopy = 'volatile' | 'non-volatile';
export type ChannelAccessMode = 'disabled' | 'pre-boot only' | 'always available' | 'shared';
export const ACCESS_MODES: readonly ChannelAccessMode[] = [
  'disabled',
  'pre-boot only',
  'always available',
  'shared',
];

export interface ChannelAccess {
  /** the spec stores these three as "disabled" bits; named that way so no one flips them by accident */
  alertingDisabled: boolean;
  perMessageAuthDisabled: boolean;
  userLevelAuthDisabled: boolean;
  /** undefined for the reserved values 4-7 */
  accessMode: ChannelAccessMode | undefined;
  privilegeLimit: number;
}

export function encodeGetChannelAccess(channel: number, copy: ChannelAccessCopy): Uint8Array {
  assertChannel(channel);
  return Uint8Array.of(channel & 0x0f, copy === 'volatile' ? 0x80 : 0x40);
}

export function decodeChannelAccess(data: Uint8Array, host = ''): ChannelAccess {
  requireLength(data, 2, GET_CHANNEL_ACCESS, host);
  const b = data[0]!;
  return {
    alertingDisabled: (b & 0x20) !== 0,
    perMessageAuthDisabled: (b & 0x10) !== 0,
    userLevelAuthDisabled: (b & 0x08) !== 0,
    accessMode: ACCESS_MODES[b & 0x07],
    privilegeLimit: data[1]! & 0x0f,
  };
}

export async function getChannelAccess(
  r: Requester,
  channel: number,
  copy: ChannelAccessCopy,
): Promise<ChannelAccess> {
  return decodeChannelAccess(
    await call(r, GET_CHANNEL_ACCESS, encodeGetChannelAccess(channel, copy)),
    r.host,
  );
}
