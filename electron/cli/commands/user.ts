// `user` family as ipmitool 1.8.19 has it (lib/ipmi_user.c): summary, list, set name, set password,
// test, priv, enable, disable. Output and exit codes match ipmitool; differences: a password given on
// the command line draws a warning (argv is world-readable), and an omitted one can come from
// IPMI_NEW_PASSWORD or the terminal/stdin.
import { getUserName } from '../../ipmi/commands/app/get-user-name';
import { setUserAccess } from '../../ipmi/commands/app/set-user-access';
import { setUserName } from '../../ipmi/commands/app/set-user-name';
import {
  disableUser,
  enableUser,
  setUserPassword,
  testUserPassword,
  type PasswordStorage,
} from '../../ipmi/commands/app/set-user-password';
import { isIpmiError } from '../../ipmi/errors';
import type { CliCommand, CliContext } from '../context';
import { ipmitoolCcText } from '../format/completion-code';
import { USER_LIST_HEADER, formatUserListRow, formatUserSummary } from '../format/user';
import { parseIpmitoolUint } from '../ipmitool-number';
import { readUserSummary, readUsers } from '../../views/user';
import { channelArg, evalCcode, privilegeLimitArg, userIdArg } from './ipmitool-checks';

const CURRENT_CHANNEL = 0x0e;
export const NEW_PASSWORD_ENV = 'IPMI_NEW_PASSWORD';

const USAGE = `User Commands:
               summary      [<channel number>]
               list         [<channel number>]
               set name     <user id> <username>
               set password <user id> [<password> [<16|20>]]
               disable      <user id>
               enable       <user id>
               priv         <user id> <privilege level> [<channel number>]
                     Privilege levels:
                      * 0x1 - Callback
                      * 0x2 - User
                      * 0x3 - Operator
                      * 0x4 - Administrator
                      * 0x5 - OEM Proprietary
                      * 0xF - No Access

               test         <user id> <16|20> [<password]>

`;

const ARGV_PASSWORD_WARNING = `Warning: a password on the command line is visible to other processes; omit it to be asked, or set ${NEW_PASSWORD_ENV}\n`;

function usage(ctx: CliContext, status: number): number {
  ctx.err(USAGE);
  return status;
}

async function summaryOrList(ctx: CliContext, args: string[], list: boolean): Promise<number> {
  let channel = CURRENT_CHANNEL;
  if (args.length === 2) {
    const c = channelArg(ctx, args[1]!);
    if (c === undefined) return 1;
    channel = c;
  } else if (args.length !== 1) return usage(ctx, 1);
  const r = await ctx.session();
  if (!list) {
    const a = await evalCcode(ctx, () => readUserSummary(r, channel));
    if (!a.ok) return 1;
    ctx.out(formatUserSummary(a.value, ctx.csv === true));
    return 0;
  }
  const got = await readUsers(r, channel);
  // ipmitool's CSV form has no header line; it prints the header once the first user is read
  if (got.view.users.length > 0 && !ctx.csv) ctx.out(USER_LIST_HEADER);
  for (const u of got.view.users) ctx.out(formatUserListRow(u, ctx.csv === true));
  if (got.failure) {
    const { error } = got.failure;
    // both Get User Access and Get User Name refusals read "IPMI command failed: <text>"
    await evalCcode(ctx, () => Promise.reject(error));
    return 1;
  }
  return 0;
}

/** ipmitool shows an empty name when the BMC answers 0xCC for an unused ID. */
export async function userNameOrEmpty(
  ctx: CliContext,
  r: Awaited<ReturnType<CliContext['session']>>,
  id: number,
): Promise<string | undefined> {
  try {
    return await getUserName(r, id);
  } catch (e) {
    if (isIpmiError(e) && e.completionCode === 0xcc) return '';
    if (isIpmiError(e) && e.completionCode !== undefined) {
      ctx.err(`IPMI command failed: ${ipmitoolCcText(e.completionCode)}\n`);
      return undefined;
    }
    throw e;
  }
}

async function askPassword(ctx: CliContext, userId: number, confirm: boolean): Promise<string | undefined> {
  const fromEnv = ctx.env?.[NEW_PASSWORD_ENV];
  if (fromEnv !== undefined) return fromEnv;
  if (!ctx.readSecret) {
    ctx.err(`No password given: pass it in ${NEW_PASSWORD_ENV} or on stdin\n`);
    return undefined;
  }
  const prompt = `Password for user ${userId}: `;
  const first = await ctx.readSecret(prompt);
  if (first === undefined) {
    ctx.err('Unable to read the password\n');
    return undefined;
  }
  if (!confirm) return first;
  const second = await ctx.readSecret(prompt);
  // piped stdin has only the one line; a terminal gets the confirmation ipmitool asks for
  if (second !== undefined && second !== first) {
    ctx.err('Passwords do not match or are longer than 20\n');
    return undefined;
  }
  return first;
}

async function setPassword(ctx: CliContext, args: string[]): Promise<number> {
  const userId = userIdArg(ctx, args[2]!);
  if (userId === undefined) return 1;
  let password: string | undefined = args[3];
  if (password === undefined) password = await askPassword(ctx, userId, true);
  else ctx.err(ARGV_PASSWORD_WARNING);
  if (password === undefined) return 1;
  const length = Buffer.byteLength(password);
  let storage: PasswordStorage = length > 16 ? 20 : 16;
  if (args.length > 4) {
    const s = parseIpmitoolUint(args[4]!, 0xff);
    if (s !== 16 && s !== 20) {
      ctx.err(`Invalid password length '${args[4]!}'\n`);
      return 1;
    }
    storage = s;
  }
  if (length > storage) {
    ctx.err(`Password is too long (> ${storage} bytes)\n`);
    return 1;
  }
  const r = await ctx.session();
  const done = await evalCcode(ctx, () => setUserPassword(r, userId, password, storage));
  if (!done.ok) {
    ctx.err(`Set User Password command failed (user ${userId})\n`);
    return 1;
  }
  ctx.out(`Set User Password command successful (user ${userId})\n`);
  return 0;
}

async function setName(ctx: CliContext, args: string[]): Promise<number> {
  if (args.length !== 4) return usage(ctx, 1);
  const userId = userIdArg(ctx, args[2]!);
  if (userId === undefined) return 1;
  const name = args[3]!;
  if (Buffer.byteLength(name) > 16) {
    ctx.err('Username is too long (> 16 bytes)\n');
    return 1;
  }
  const r = await ctx.session();
  try {
    await setUserName(r, userId, name);
  } catch (e) {
    if (isIpmiError(e) && e.completionCode !== undefined) {
      ctx.err(
        `Set User Name command failed (user ${userId}, name ${name}): ${ipmitoolCcText(e.completionCode)}\n`,
      );
      return 1;
    }
    throw e;
  }
  return 0;
}

async function test(ctx: CliContext, args: string[]): Promise<number> {
  if (args.length !== 3 && args.length !== 4) return usage(ctx, 1);
  const userId = userIdArg(ctx, args[1]!);
  if (userId === undefined) return 1;
  const size = parseIpmitoolUint(args[2]!, 0xffffffff);
  if (size !== 16 && size !== 20) {
    ctx.err(`Given password length '${args[2]!}' is invalid.\nExpected value is either 16 or 20.\n`);
    return 1;
  }
  let password = args[3];
  if (password === undefined) password = await askPassword(ctx, userId, false);
  else ctx.err(ARGV_PASSWORD_WARNING);
  if (password === undefined) return 1;
  if (Buffer.byteLength(password) > size) {
    // ipmitool silently cuts the password to the field; a cut password can only "fail" misleadingly
    ctx.err(`Password is too long (> ${size} bytes)\n`);
    return 1;
  }
  const r = await ctx.session();
  let result: Awaited<ReturnType<typeof testUserPassword>>;
  try {
    result = await testUserPassword(r, userId, password, size);
  } catch (e) {
    if (isIpmiError(e) && e.completionCode !== undefined) {
      ctx.out('Unknown error\n');
      return 1;
    }
    throw e;
  }
  ctx.out(
    result === 'match'
      ? 'Success\n'
      : result === 'wrong-password'
        ? 'Failure: password incorrect\n'
        : 'Failure: wrong password size\n',
  );
  return result === 'match' ? 0 : 1;
}

async function priv(ctx: CliContext, args: string[]): Promise<number> {
  if (args.length !== 3 && args.length !== 4) return usage(ctx, 1);
  let channel = CURRENT_CHANNEL;
  if (args.length === 4) {
    const c = channelArg(ctx, args[3]!);
    if (c === undefined) return 1;
    channel = c;
  }
  const level = privilegeLimitArg(ctx, args[2]!);
  if (level === undefined) return 1;
  const userId = userIdArg(ctx, args[1]!);
  if (userId === undefined) return 1;
  const r = await ctx.session();
  const done = await evalCcode(ctx, () => setUserAccess(r, { channel, userId, privilegeLimit: level }));
  if (!done.ok) {
    ctx.err(`Set Privilege Level command failed (user ${userId})\n`);
    return 1;
  }
  ctx.out(`Set Privilege Level command successful (user ${userId})\n`);
  return 0;
}

async function enableOrDisable(ctx: CliContext, args: string[]): Promise<number> {
  if (args.length !== 2) return usage(ctx, 1);
  const userId = userIdArg(ctx, args[1]!);
  if (userId === undefined) return 1;
  const r = await ctx.session();
  const done = await evalCcode(ctx, () =>
    args[0] === 'disable' ? disableUser(r, userId) : enableUser(r, userId),
  );
  if (!done.ok) {
    ctx.err(`Set User Password command failed (user ${userId})\n`);
    return 1;
  }
  return 0;
}

export const userCommand: CliCommand = {
  name: 'user',
  usage: USAGE,
  async run(ctx, args) {
    const sub = args[0];
    if (sub === undefined) {
      ctx.err('Not enough parameters given.\n');
      return usage(ctx, 1);
    }
    if (sub === 'help') return usage(ctx, 0);
    if (sub === 'summary') return summaryOrList(ctx, args, false);
    if (sub === 'list') return summaryOrList(ctx, args, true);
    if (sub === 'test') return test(ctx, args);
    if (sub === 'set') {
      if (args.length >= 3 && args[1] === 'password') return setPassword(ctx, args);
      if (args.length >= 2 && args[1] === 'name') return setName(ctx, args);
      return usage(ctx, 1);
    }
    if (sub === 'priv') return priv(ctx, args);
    if (sub === 'disable' || sub === 'enable') return enableOrDisable(ctx, args);
    ctx.err(`Invalid user command: '${sub}'\n\n`);
    return usage(ctx, 1);
  },
};
