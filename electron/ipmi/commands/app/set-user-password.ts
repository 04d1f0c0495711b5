// Set User Password (IPMI v2.0 §22.30, NetFn App 0x06, cmd 0x47). One command, four operations:
// disable user, enable user, set password, test password. Byte 1 bit 7 selects 20-byte storage (IPMI
// 2.0) over 16-byte (IPMI 1.5); a 16-byte user can only log in with IPMI 1.5 sessions or with the
// first 16 bytes, so the size matters. Test password answers 0x80 (wrong password) or 0x81 (the
// password is stored with the other size) - both are results, not failures.
import type { Requester } from '../../client/requester';
import { argumentError, completionCodeError } from '../../errors';
import { call, type CommandSpec } from '../command-spec';
import { assertUserId } from './user-ids';

export const SET_USER_PASSWORD: CommandSpec = { netFn: 0x06, cmd: 0x47, name: 'Set User Password' };

export type PasswordStorage = 16 | 20;
export type SetUserPasswordOperation = 'disable' | 'enable' | 'set' | 'test';
const OPERATION: Record<SetUserPasswordOperation, number> = { disable: 0, enable: 1, set: 2, test: 3 };

export type PasswordTestResult = 'match' | 'wrong-password' | 'wrong-size';

const bytesOf = (p: string | Uint8Array): Uint8Array => (typeof p === 'string' ? Buffer.from(p, 'utf8') : p);

/** The storage ipmitool picks: 20 bytes only when the password does not fit in 16. */
export function defaultPasswordStorage(password: string | Uint8Array): PasswordStorage {
  return bytesOf(password).length > 16 ? 20 : 16;
}

export function encodeSetUserPassword(
  userId: number,
  operation: SetUserPasswordOperation,
  password: string | Uint8Array | undefined,
  storage: PasswordStorage,
): Uint8Array {
  assertUserId(userId);
  if (storage !== 16 && storage !== 20)
    throw argumentError(`password storage must be 16 or 20 bytes, not ${String(storage)}`);
  const pw = password === undefined ? new Uint8Array(0) : bytesOf(password);
  if (pw.length > storage)
    throw argumentError(
      `password is ${pw.length} bytes, the limit for ${storage}-byte storage is ${storage}`,
    );
  if (pw.includes(0)) throw argumentError('password contains a NUL byte');
  const out = new Uint8Array(2 + storage); // zero padded; enable/disable still carry the (empty) field, as ipmitool sends
  out[0] = (storage === 20 ? 0x80 : 0) | (userId & 0x3f);
  out[1] = OPERATION[operation];
  out.set(pw, 2);
  return out;
}

export async function setUserPassword(
  r: Requester,
  userId: number,
  password: string | Uint8Array,
  storage = defaultPasswordStorage(password),
): Promise<void> {
  await call(r, SET_USER_PASSWORD, encodeSetUserPassword(userId, 'set', password, storage));
}

export async function enableUser(r: Requester, userId: number): Promise<void> {
  await call(r, SET_USER_PASSWORD, encodeSetUserPassword(userId, 'enable', undefined, 16));
}

export async function disableUser(r: Requester, userId: number): Promise<void> {
  await call(r, SET_USER_PASSWORD, encodeSetUserPassword(userId, 'disable', undefined, 16));
}

/** Counts as a failed login on BMCs with a bad-password threshold: do not loop it over guesses. */
export async function testUserPassword(
  r: Requester,
  userId: number,
  password: string | Uint8Array,
  storage: PasswordStorage,
): Promise<PasswordTestResult> {
  const data = encodeSetUserPassword(userId, 'test', password, storage);
  const rsp = await r.raw({ netFn: SET_USER_PASSWORD.netFn, cmd: SET_USER_PASSWORD.cmd, data });
  if (rsp.completionCode === 0) return 'match';
  if (rsp.completionCode === 0x80) return 'wrong-password';
  if (rsp.completionCode === 0x81) return 'wrong-size';
  throw completionCodeError(
    r.host,
    SET_USER_PASSWORD.name,
    SET_USER_PASSWORD.netFn,
    SET_USER_PASSWORD.cmd,
    rsp.completionCode,
  );
}
