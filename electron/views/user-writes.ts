// User writes (IPMI v2.0 §22.26-22.30), each read back before it answers: a name by Get User Name, a
// password by Test Password, a privilege by Get User Access, enable/disable by the enable status where
// the BMC reports one (many, ipmi_sim among them, say "unspecified": nothing to compare then).
import type { Requester } from '../ipmi/client/requester';
import { IpmiError, isIpmiError } from '../ipmi/errors';
import { getUserAccess } from '../ipmi/commands/app/get-user-access';
import { getUserName } from '../ipmi/commands/app/get-user-name';
import { setUserAccess } from '../ipmi/commands/app/set-user-access';
import { setUserName } from '../ipmi/commands/app/set-user-name';
import {
  defaultPasswordStorage,
  disableUser,
  enableUser,
  setUserPassword,
  testUserPassword,
  type PasswordStorage,
  type PasswordTestResult,
} from '../ipmi/commands/app/set-user-password';
import type { SettablePrivilege, UserEntry } from '../../shared/domain/user';
import { withOptions, type ViewOptions } from './requester-options';
import { CURRENT_CHANNEL, LEVEL_BY_NAME, userEntryView } from './user';

const verifyFailed = (r: Requester, command: string, message: string, reason: string) =>
  new IpmiError('verify-failed', `${r.host}: ${message}`, { host: r.host, command, reasons: [reason] });

/** Access on `channel` and the name (0xCC, an unused ID, reads ''). */
export async function readUserEntry(
  r: Requester,
  userId: number,
  channel = CURRENT_CHANNEL,
  opts?: ViewOptions,
): Promise<UserEntry> {
  const q = withOptions(r, opts);
  const [access, name] = await Promise.all([
    getUserAccess(q, channel, userId),
    getUserName(q, userId).catch((e: unknown) => {
      if (isIpmiError(e) && e.completionCode === 0xcc) return '';
      throw e;
    }),
  ]);
  return userEntryView(userId, name, access);
}

export async function setUserNameChecked(
  r: Requester,
  userId: number,
  name: string,
  opts?: ViewOptions,
): Promise<UserEntry> {
  await setUserName(withOptions(r, opts), userId, name);
  const entry = await readUserEntry(r, userId, CURRENT_CHANNEL, opts);
  if (entry.name !== name)
    throw verifyFailed(r, 'Set User Name', `user ${userId} name reads back "${entry.name}"`, 'name-differs');
  return entry;
}

export async function setUserPasswordChecked(
  r: Requester,
  userId: number,
  password: string,
  storage: PasswordStorage | undefined,
  opts?: ViewOptions,
): Promise<{ userId: number; storage: PasswordStorage }> {
  const size = storage ?? defaultPasswordStorage(password);
  const q = withOptions(r, opts);
  await setUserPassword(q, userId, password, size);
  const test = await testUserPassword(q, userId, password, size);
  if (test !== 'match')
    throw verifyFailed(
      r,
      'Set User Password',
      `user ${userId}: the new password does not test (${test})`,
      test,
    );
  return { userId, storage: size };
}

export async function testUserPasswordView(
  r: Requester,
  userId: number,
  password: string,
  storage: PasswordStorage,
  opts?: ViewOptions,
): Promise<{ result: PasswordTestResult }> {
  return { result: await testUserPassword(withOptions(r, opts), userId, password, storage) };
}

export async function setUserPrivilegeChecked(
  r: Requester,
  userId: number,
  channel: number,
  privilege: SettablePrivilege,
  opts?: ViewOptions,
): Promise<UserEntry> {
  const level = LEVEL_BY_NAME[privilege];
  // flags and session limit left out: the BMC keeps the user's other access bits as they are
  await setUserAccess(withOptions(r, opts), { channel, userId, privilegeLimit: level });
  const entry = await readUserEntry(r, userId, channel, opts);
  if (entry.privilegeLevel !== level)
    throw verifyFailed(
      r,
      'Set User Access',
      `user ${userId} privilege reads back ${entry.privilege}, not ${privilege}`,
      'privilege-differs',
    );
  return entry;
}

export async function setUserEnabledChecked(
  r: Requester,
  userId: number,
  enabled: boolean,
  opts?: ViewOptions,
): Promise<{ userId: number }> {
  const q = withOptions(r, opts);
  await (enabled ? enableUser(q, userId) : disableUser(q, userId));
  const a = await getUserAccess(q, CURRENT_CHANNEL, userId);
  const want = enabled ? 'enabled' : 'disabled';
  if ((a.enableStatus === 'enabled' || a.enableStatus === 'disabled') && a.enableStatus !== want)
    throw verifyFailed(
      r,
      'Set User Password',
      `user ${userId} reads back ${a.enableStatus}`,
      'enable-differs',
    );
  return { userId };
}
