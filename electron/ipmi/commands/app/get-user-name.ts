// Get User Name (IPMI v2.0 §22.29, NetFn App 0x06, cmd 0x46): 16 bytes, NUL padded.
import type { Requester } from '../../client/requester';
import { call, requireLength, type CommandSpec } from '../command-spec';
import { assertUserId } from './user-ids';

export const GET_USER_NAME: CommandSpec = { netFn: 0x06, cmd: 0x46, name: 'Get User Name' };

export function encodeGetUserName(userId: number): Uint8Array {
  assertUserId(userId);
  return Uint8Array.of(userId & 0x3f);
}

/** The name up to the first NUL. Bytes are taken as Latin-1 so every byte survives. */
export function decodeUserName(data: Uint8Array, host = ''): string {
  requireLength(data, 16, GET_USER_NAME, host);
  const raw = data.subarray(0, 16);
  const end = raw.indexOf(0);
  return Buffer.from(raw.subarray(0, end < 0 ? 16 : end)).toString('latin1');
}

export async function getUserName(r: Requester, userId: number): Promise<string> {
  return decodeUserName(await call(r, GET_USER_NAME, encodeGetUserName(userId)), r.host);
}
