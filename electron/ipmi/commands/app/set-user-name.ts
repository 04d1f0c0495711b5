// Set User Name (IPMI v2.0 §22.28, NetFn App 0x06, cmd 0x45): user ID + 16 bytes, NUL padded.
import type { Requester } from '../../client/requester';
import { argumentError } from '../../errors';
import { call, type CommandSpec } from '../command-spec';
import { assertUserId } from './user-ids';

export const SET_USER_NAME: CommandSpec = { netFn: 0x06, cmd: 0x45, name: 'Set User Name' };
export const USER_NAME_MAX = 16;

export function encodeSetUserName(userId: number, name: string): Uint8Array {
  assertUserId(userId);
  const bytes = Buffer.from(name, 'utf8');
  if (bytes.length > USER_NAME_MAX)
    throw argumentError(`user name is ${bytes.length} bytes, the limit is ${USER_NAME_MAX}`);
  if (bytes.includes(0)) throw argumentError('user name contains a NUL byte');
  const out = new Uint8Array(1 + USER_NAME_MAX);
  out[0] = userId & 0x3f;
  out.set(bytes, 1);
  return out;
}

export async function setUserName(r: Requester, userId: number, name: string): Promise<void> {
  await call(r, SET_USER_NAME, encodeSetUserName(userId, name));
}
