// `channel` family as ipmitool 1.8.19 has it (lib/ipmi_channel.c): info, authcap, getaccess,
// setaccess, getciphers. One deliberate difference: `setaccess ... link=off` (and ipmi=off, callin=off)
// really switches the bit off; ipmitool 1.8.19 stores the "on" value whatever was asked.
import { getChannelAccess } from '../../ipmi/commands/app/get-channel-access';
import { getChannelAuthCapabilities } from '../../ipmi/commands/app/get-channel-auth-capabilities';
import { getChannelCipherSuites } from '../../ipmi/commands/app/get-channel-cipher-suites';
import { getChannelInfo, isLanMedium } from '../../ipmi/commands/app/get-channel-info';
import { getUserAccess } from '../../ipmi/commands/app/get-user-access';
import { setUserAccess } from '../../ipmi/commands/app/set-user-access';
import { isIpmiError } from '../../ipmi/errors';
import type { CliCommand, CliContext } from '../context';
import {
  formatAuthCapabilities,
  formatChannelInfo,
  formatCipherSuites,
  formatNonVolatileAccess,
  formatUserAccessEntry,
  formatUserAccessHeader,
  formatVolatileAccess,
} from '../format/channel';
import { channelAccessView, channelInfoView, cipherSuiteView } from '../../views/channel';
import { ipmitoolCcText } from '../format/completion-code';
import { privilegeFromName } from '../format/privilege-name';
import { parseIpmitoolUint } from '../ipmitool-number';
import { channelArg, evalCcode, privilegeLimitArg, userIdArg } from './ipmitool-checks';
import { userNameOrEmpty } from './user';

const CURRENT_CHANNEL = 0x0e;

const USAGE = `Channel Commands: authcap   <channel number> <max privilege>
                  getaccess <channel number> [user id]
                  setaccess <channel number> <user id> [callin=on|off] [ipmi=on|off] [link=on|off] [privilege=level]
                  info      [channel number]
                  getciphers <ipmi | sol> [channel]

Possible privilege levels are:
   1   Callback level
   2   User level
   3   Operator level
   4   Administrator level
   5   OEM Proprietary level
  15   No access
`;

function usage(ctx: CliContext, status: number): number {
  ctx.err(USAGE);
  return status;
}

async function info(ctx: CliContext, args: string[]): Promise<number> {
  if (args.length > 2) return usage(ctx, 1);
  let channel = CURRENT_CHANNEL;
  if (args.length === 2) {
    const c = channelArg(ctx, args[1]!);
    if (c === undefined) return 1;
    channel = c;
  }
  const r = await ctx.session();
  const ci = await evalCcode(ctx, () => getChannelInfo(r, channel));
  if (!ci.ok) {
    ctx.err('Unable to Get Channel Info\n');
    return 1;
  }
  ctx.out(formatChannelInfo(channelInfoView(ci.value)));
  if (!isLanMedium(ci.value.medium)) return 0;
  const vol = await evalCcode(ctx, () => getChannelAccess(r, ci.value.channel, 'volatile'));
  if (!vol.ok) {
    ctx.err('Unable to Get Channel Access (volatile)\n');
    return 1;
  }
  ctx.out(formatVolatileAccess(channelAccessView(vol.value)));
  const nv = await evalCcode(ctx, () => getChannelAccess(r, ci.value.channel, 'non-volatile'));
  if (!nv.ok) {
    ctx.err('Unable to Get Channel Access (non-volatile)\n');
    return 1;
  }
  ctx.out(formatNonVolatileAccess(channelAccessView(nv.value)));
  return 0;
}

async function authcap(ctx: CliContext, args: string[]): Promise<number> {
  if (args.length !== 3) return usage(ctx, 1);
  const channel = channelArg(ctx, args[1]!);
  if (channel === undefined) return 1;
  const priv = privilegeLimitArg(ctx, args[2]!);
  if (priv === undefined) return 1;
  const r = await ctx.session();
  try {
    ctx.out(formatAuthCapabilities(await getChannelAuthCapabilities(r, channel, priv)));
    return 0;
  } catch (e) {
    if (isIpmiError(e) && e.completionCode !== undefined) {
      ctx.err(`Get Channel Authentication Capabilities failed: ${ipmitoolCcText(e.completionCode)}\n`);
      return 1;
    }
    throw e;
  }
}

async function getaccess(ctx: CliContext, args: string[]): Promise<number> {
  if (args.length < 2 || args.length > 3) {
    ctx.err('Not enough parameters given.\n');
    return usage(ctx, 1);
  }
  const channel = channelArg(ctx, args[1]!);
  if (channel === undefined) return 1;
  let only = 0;
  if (args.length === 3) {
    const u = userIdArg(ctx, args[2]!);
    if (u === undefined) return 1;
    only = u;
  }
  const r = await ctx.session();
  let max = 0;
  for (let id = only || 1; ; id++) {
    const a = await evalCcode(ctx, () => getUserAccess(r, channel, id));
    if (!a.ok) {
      ctx.err(`Unable to Get User Access (channel ${channel} id ${id})\n`);
      return 1;
    }
    const name = await userNameOrEmpty(ctx, r, id);
    if (name === undefined) {
      ctx.err(`Unable to Get User Name (id ${id})\n`);
      return 1;
    }
    if (id === (only || 1)) {
      ctx.out(formatUserAccessHeader(a.value));
      max = a.value.maxUserIds;
    }
    ctx.out(formatUserAccessEntry(id, name, a.value));
    if (only || id >= max) return 0;
  }
}

const SETACCESS_OPTIONS = ['callin=', 'link=', 'ipmi=', 'privilege='] as const;
const isOff = (v: string) => v === 'off' || v === 'disable' || v === 'no';

async function setaccess(ctx: CliContext, args: string[]): Promise<number> {
  const a = args.slice(1);
  if (a.length > 0 && a[0] === 'help') return usage(ctx, 0);
  if (a.length < 3) {
    ctx.err('Not enough parameters given.\n');
    return usage(ctx, 1);
  }
  const channel = channelArg(ctx, a[0]!);
  if (channel === undefined) return 1;
  const userId = userIdArg(ctx, a[1]!);
  if (userId === undefined) return 1;
  // parse every option before anything is sent
  const changes: { callin?: boolean; link?: boolean; ipmi?: boolean; privilege?: number } = {};
  for (const opt of a.slice(2)) {
    const key = SETACCESS_OPTIONS.find((o) => opt.startsWith(o));
    if (!key) {
      ctx.err(`Invalid option: ${opt}\n\n`);
      return 1;
    }
    const value = opt.slice(key.length);
    if (key === 'privilege=') {
      const p = privilegeFromName(value) ?? parseIpmitoolUint(value, 0xff);
      if (p === undefined) {
        ctx.err(`Numeric [1-15] value expected, but '${value}' given.\n`);
        return 1;
      }
      if ((p < 1 || p > 5) && p !== 0x0f) {
        ctx.err(
          `Given Privilege Limit '${value}' is invalid.\nPrivilege Limit is limited to <0x1..0x5> and <0xF>.\n`,
        );
        return 1;
      }
      changes.privilege = p;
    } else changes[key.slice(0, -1) as 'callin' | 'link' | 'ipmi'] = !isOff(value);
  }
  const r = await ctx.session();
  const cur = await evalCcode(ctx, () => getUserAccess(r, channel, userId));
  if (!cur.ok) {
    ctx.err(`Unable to Get User Access (channel ${channel} id ${userId})\n`);
    return 1;
  }
  const c = cur.value;
  const set = await evalCcode(ctx, () =>
    setUserAccess(r, {
      channel,
      userId,
      privilegeLimit: changes.privilege ?? c.privilegeLimit,
      flags: {
        callbackOnly: changes.callin === undefined ? c.callbackOnly : !changes.callin,
        linkAuth: changes.link ?? c.linkAuth,
        ipmiMessaging: changes.ipmi ?? c.ipmiMessaging,
      },
    }),
  );
  if (!set.ok) {
    ctx.err(`Unable to Set User Access (channel ${channel} id ${userId})\n`);
    return 1;
  }
  ctx.out(`Set User Access (channel ${channel} id ${userId}) successful.\n`);
  return 0;
}

async function getciphers(ctx: CliContext, args: string[]): Promise<number> {
  if (args.length < 2 || args.length > 3 || (args[1] !== 'ipmi' && args[1] !== 'sol')) return usage(ctx, 1);
  const payload = args[1];
  let channel = CURRENT_CHANNEL;
  if (args.length === 3) {
    const c = channelArg(ctx, args[2]!);
    if (c === undefined) return 1;
    channel = c;
  }
  const r = await ctx.session();
  try {
    const suites = (await getChannelCipherSuites(r, channel, payload)).map(cipherSuiteView);
    ctx.out(formatCipherSuites(suites, ctx.csv === true));
    return 0;
  } catch (e) {
    if (isIpmiError(e) && e.completionCode !== undefined) {
      ctx.err(`Get Channel Cipher Suites failed: ${ipmitoolCcText(e.completionCode)}\n`);
      return 1;
    }
    throw e;
  }
}

export const channelCommand: CliCommand = {
  name: 'channel',
  usage: USAGE,
  async run(ctx, args) {
    const sub = args[0];
    if (sub === undefined) {
      ctx.err('Not enough parameters given.\n');
      return usage(ctx, 1);
    }
    if (sub === 'help') return usage(ctx, 0);
    if (sub === 'authcap') return authcap(ctx, args);
    if (sub === 'getaccess') return getaccess(ctx, args);
    if (sub === 'setaccess') return setaccess(ctx, args);
    if (sub === 'info') return info(ctx, args);
    if (sub === 'getciphers') return getciphers(ctx, args);
    ctx.err(`Invalid CHANNEL command: ${sub}\n\n`);
    return usage(ctx, 1);
  },
};
