// Set Channel Access (IPMI v2.0 §22.22, NetFn App 0x06, cmd 0x40). Each of the two halves (access
// bits, privilege limit) carries its own selector: leave alone, write non-volatile, or write volatile.
import type { Requester } from '../../client/requester';
import { argumentError } from '../../errors';
import { call, type CommandSpec } from '../command-spec';
import { ACCESS_MODES, type ChannelAccessCopy, type ChannelAccessMode } from './get-channel-access';
import { assertChannel } from './user-ids';

export const SET_CHANNEL_ACCESS: CommandSpec = { netFn: 0x06, cmd: 0x40, name: 'Set Channel Access' };

export interface SetChannelAccessRequest {
  channel: number;
  access?: {
    copy: ChannelAccessCopy;
    alertingDisabled: boolean;
    perMessageAuthDisabled: boolean;
    userLevelAuthDisabled: boolean;
    mode: ChannelAccessMode;
  };
  privilege?: { copy: ChannelAccessCopy; limit: number };
}

const selector = (copy: ChannelAccessCopy | undefined): number =>
  copy === undefined ? 0 : copy === 'non-volatile' ? 1 : 2;

export function encodeSetChannelAccess(req: SetChannelAccessRequest): Uint8Array {
  assertChannel(req.channel);
  let b2 = selector(req.access?.copy) << 6;
  if (req.access) {
    const mode = ACCESS_MODES.indexOf(req.access.mode);
    if (mode < 0) throw argumentError(`unknown channel access mode ${String(req.access.mode)}`);
    if (req.access.alertingDisabled) b2 |= 0x20;
    if (req.access.perMessageAuthDisabled) b2 |= 0x10;
    if (req.access.userLevelAuthDisabled) b2 |= 0x08;
    b2 |= mode;
  }
  let b3 = selector(req.privilege?.copy) << 6;
  if (req.privilege) {
    const l = req.privilege.limit;
    if (!Number.isInteger(l) || l < 1 || l > 5)
      throw argumentError(`channel privilege limit ${l} is invalid (1..5)`);
    b3 |= l;
  }
  return Uint8Array.of(req.channel & 0x0f, b2, b3);
}

export async function setChannelAccess(r: Requester, req: SetChannelAccessRequest): Promise<void> {
  await call(r, SET_CHANNEL_ACCESS, encodeSetChannelAccess(req));
}
