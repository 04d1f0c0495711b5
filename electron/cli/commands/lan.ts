// `lan print|set` as ipmitool 1.8.19 has them (lib/ipmi_lanp.c). Writes go through writeLanParams:
// set-in-progress lock, write, read back, commit. Differences from ipmitool, all on stderr or in
// timing: a refused write is reported ("Set LAN Parameter failed: ...") where ipmitool stays silent,
// and a value that does not read back is reported at once instead of after ten 3-second retries.
import type { Requester } from '../../ipmi/client/requester';
import { getChannelAccess } from '../../ipmi/commands/app/get-channel-access';
import { getChannelInfo, isLanMedium } from '../../ipmi/commands/app/get-channel-info';
import { setChannelAccess } from '../../ipmi/commands/app/set-channel-access';
import {
  formatIpv4,
  formatMac,
  parseIpv4,
  parseMac,
  parseNetmask,
  sameSubnet,
} from '../../ipmi/commands/transport/ipv4';
import { writeLanParams, type LanWrite, type LanWriteField } from '../../ipmi/commands/transport/lan-apply';
import {
  IP_SOURCE_CODE,
  LAN_PARAMS,
  badPasswordThresholdFromUnits,
  decodeGratuitousArpInterval,
  encodeArpControl,
  encodeAuthTypeEnables,
  encodeBadPasswordThreshold,
  encodeCipherSuitePrivileges,
  encodeCommunity,
  encodeGratuitousArpInterval,
  encodeVlan,
  encodeVlanPriority,
  getLanParam,
  parseAuthLevels,
  parseAuthTypes,
} from '../../ipmi/commands/transport/lan-config';
import { readLanConfiguration } from '../../ipmi/commands/transport/lan-configuration';
import { lanConfigurationView } from '../../views/lan';
import { isIpmiError } from '../../ipmi/errors';
import type { CliCommand, CliContext } from '../context';
import { ipmitoolCcText } from '../format/completion-code';
import { formatLanPrint } from '../format/lan';
import { parseIpmitoolUint } from '../ipmitool-number';
import { evalCcode } from './ipmitool-checks';

const LAN_USAGE = `LAN Commands:
\t\t   print [<channel number>]
\t\t   set <channel number> <command> <parameter>
\t\t   alert print <channel number> <alert destination>
\t\t   alert set <channel number> <alert destination> <command> <parameter>
\t\t   stats get [<channel number>]
\t\t   stats clear [<channel number>]
`;

const SET_USAGE = `
usage: lan set <channel> <command> <parameter>

LAN set command/parameter options:
  ipaddr <x.x.x.x>               Set channel IP address
  netmask <x.x.x.x>              Set channel IP netmask
  macaddr <x:x:x:x:x:x>          Set channel MAC address
  defgw ipaddr <x.x.x.x>         Set default gateway IP address
  defgw macaddr <x:x:x:x:x:x>    Set default gateway MAC address
  bakgw ipaddr <x.x.x.x>         Set backup gateway IP address
  bakgw macaddr <x:x:x:x:x:x>    Set backup gateway MAC address
  password <password>            Set session password for this channel
  snmp <community string>        Set SNMP public community string
  user                           Enable default user for this channel
  access <on|off>                Enable or disable access to this channel
  alert <on|off>                 Enable or disable PEF alerting for this channel
  arp respond <on|off>           Enable or disable BMC ARP responding
  arp generate <on|off>          Enable or disable BMC gratuitous ARP generation
  arp interval <seconds>         Set gratuitous ARP generation interval
  vlan id <off|<id>>             Disable or enable VLAN and set ID (1-4094)
  vlan priority <priority>       Set vlan priority (0-7)
  auth <level> <type,..>         Set channel authentication types
    level  = CALLBACK, USER, OPERATOR, ADMIN
    type   = NONE, MD2, MD5, PASSWORD, OEM
  ipsrc <source>                 Set IP Address source
    none   = unspecified source
    static = address manually configured to be static
    dhcp   = address obtained by BMC running DHCP
    bios   = address loaded by BIOS or system software
  cipher_privs XXXXXXXXXXXXXXX   Set RMCP+ cipher suite privilege levels
    X = Cipher Suite Unused
    c = CALLBACK
    u = USER
    o = OPERATOR
    a = ADMIN
    O = OEM

  bad_pass_thresh <thresh_num> <1|0> <reset_interval> <lockout_interval>
                                Set bad password threshold
`;

const BAD_PASS_USAGE = `lan set <channel> bad_pass_thresh <thresh_num> <1|0> <reset_interval> <lockout_interval>
        <thresh_num>         Bad Password Threshold number.
        <1|0>                1 = generate a Session Audit sensor event.
                             0 = do not generate an event.
        <reset_interval>     Attempt Count Reset Interval. In tens of seconds.
        <lockount_interval>  User Lockout Interval. In tens of seconds.
`;

const IPSRC_USAGE = `lan set <channel> ipsrc <source>
  none   = unspecified
  static = static address (manually configured)
  dhcp   = address obtained by BMC running DHCP
  bios   = address loaded by BIOS or system software
`;
const VLAN_USAGE =
  'lan set <channel> vlan id <id>\nlan set <channel> vlan id off\nlan set <channel> vlan priority <priority>\n';
const ARP_USAGE =
  'lan set <channel> arp respond <on|off>\nlan set <channel> arp generate <on|off>\nlan set <channel> arp interval <seconds>\n\nexample: lan set 7 arp gratuitous off\n';
const AUTH_USAGE =
  'lan set <channel> auth <level> <type,type,...>\n  level = CALLBACK, USER, OPERATOR, ADMIN\n  types = NONE, MD2, MD5, PASSWORD, OEM\nexample: lan set 7 auth ADMIN PASSWORD,MD5\n';
const CIPHER_PRIVS_USAGE =
  'lan set <channel> cipher_privs XXXXXXXXXXXXXXX\n    X = Cipher Suite Unused\n    c = CALLBACK\n    u = USER\n    o = OPERATOR\n    a = ADMIN\n    O = OEM\n\n';

async function isLanChannel(ctx: CliContext, r: Requester, channel: number): Promise<boolean> {
  if (channel < 1 || channel > 0x0e) return false;
  try {
    return isLanMedium((await getChannelInfo(r, channel)).medium);
  } catch (e) {
    if (isIpmiError(e) && e.completionCode !== undefined) {
      if (e.completionCode !== 0xcc)
        ctx.err(`Get Channel Info command failed: ${ipmitoolCcText(e.completionCode)}\n`);
      return false;
    }
    throw e;
  }
}

async function print(ctx: CliContext, args: string[]): Promise<number> {
  if (args.length > 2) {
    ctx.err(LAN_USAGE);
    return 1;
  }
  const r = await ctx.session();
  let channel = 0;
  if (args.length === 2) {
    const c = parseIpmitoolUint(args[1]!, 0xff);
    if (c === undefined) {
      ctx.err(`Invalid channel: ${args[1]!}\n`);
      return 1;
    }
    channel = c;
  } else {
    for (let c = 1; c < 0x0e; c++)
      if (await isLanChannel(ctx, r, c)) {
        channel = c;
        break;
      }
  }
  if (!(await isLanChannel(ctx, r, channel))) {
    ctx.err(`Invalid channel: ${channel}\n`);
    return 1;
  }
  ctx.out(formatLanPrint(lanConfigurationView(channel, await readLanConfiguration(r, channel))));
  return 0;
}

/** Runs the writes; prints nothing on success (as ipmitool), a reason on stderr otherwise. */
async function write(ctx: CliContext, r: Requester, channel: number, writes: LanWrite[]): Promise<number> {
  const res = await writeLanParams(r, channel, writes);
  if (res.ok) return 0;
  const f = res.failure!;
  if (f.stage === 'write' && f.error.completionCode !== undefined)
    ctx.err(`Set LAN Parameter failed: ${setLanCcText(f.error.completionCode)}\n`);
  else ctx.err('LAN Parameter Data does not match!  Write may have failed.\n');
  return 1;
}

/** ipmitool's set_lan_cc_vals, then its generic table. */
function setLanCcText(code: number): string {
  const specific: Record<number, string> = {
    0x80: 'Unsupported parameter',
    0x81: "Attempt to set 'in progress' while not in 'complete' state",
    0x82: 'Parameter is read-only',
    0x83: 'Parameter is wrote-only',
  };
  return specific[code] ?? ipmitoolCcText(code);
}

const one = (field: LanWriteField, param: number, data: Uint8Array): LanWrite[] => [{ field, param, data }];

/** Catches our 'argument' errors from the encoders and prints them ipmitool-style. */
function encode(ctx: CliContext, fn: () => Uint8Array): Uint8Array | undefined {
  try {
    return fn();
  } catch (e) {
    if (isIpmiError(e) && e.kind === 'argument') {
      ctx.err(e.message + '\n');
      return undefined;
    }
    throw e;
  }
}

/**
 * A parameter the BMC does not have: ipmitool fails silently (exit 1, nothing printed); we say which.
 * Printed on stderr only, so ipmitool's stdout is unchanged.
 */
async function readOrSay(
  ctx: CliContext,
  r: Requester,
  channel: number,
  name: 'authTypeEnables' | 'bmcArpControl' | 'gratuitousArpInterval',
  desc: string,
): Promise<Buffer | undefined> {
  const cur = await getLanParam(r, channel, LAN_PARAMS[name].id);
  if (cur && cur.length >= LAN_PARAMS[name].size) return cur;
  ctx.err(
    `${r.host}: this BMC has no LAN parameter ${LAN_PARAMS[name].id} (${desc}) on channel ${channel}\n`,
  );
  return undefined;
}

const CIPHER_PRIV: Record<string, number> = { X: 0, c: 1, u: 2, o: 3, a: 4, O: 5 };

async function set(ctx: CliContext, all: string[]): Promise<number> {
  const args = all.slice(1);
  if (args.length < 2) {
    ctx.err(SET_USAGE);
    return 1;
  }
  if (args[0] === 'help' || args[1] === 'help') {
    ctx.err(SET_USAGE);
    return 0;
  }
  const channel = parseIpmitoolUint(args[0]!, 0xff);
  if (channel === undefined) {
    ctx.err(`Invalid channel: ${args[0]!}\n`);
    return 1;
  }
  const [what, a2, a3] = [args[1]!, args[2], args[3]];

  // Everything is parsed and validated before the session is opened: bad input never reaches the BMC.
  let writes: LanWrite[] | undefined;
  let announce = '';
  let special: ((r: Requester) => Promise<number>) | undefined;
  const ipField = (
    field: LanWriteField,
    param: number,
    desc: string,
    text: string | undefined,
    mask = false,
  ) => {
    const d =
      text === undefined ? undefined : encode(ctx, () => (mask ? parseNetmask(text) : parseIpv4(text)));
    if (!d) return undefined;
    announce = `Setting LAN ${desc} to ${formatIpv4(d)}\n`;
    return one(field, param, d);
  };
  const macField = (field: LanWriteField, param: number, desc: string, text: string | undefined) => {
    const d = text === undefined ? undefined : encode(ctx, () => parseMac(text));
    if (!d) return undefined;
    announce = `Setting LAN ${desc} to ${formatMac(d)}\n`;
    return one(field, param, d);
  };

  switch (what) {
    case 'ipaddr':
      if (args.length !== 3) return usageFail(ctx, SET_USAGE);
      writes = ipField('ipAddress', LAN_PARAMS.ipAddress.id, 'IP Address', a2);
      if (!writes) return 1;
      break;
    case 'netmask':
      if (args.length !== 3) return usageFail(ctx, SET_USAGE);
      writes = ipField('subnetMask', LAN_PARAMS.subnetMask.id, 'Subnet Mask', a2, true);
      if (!writes) return 1;
      break;
    case 'macaddr':
      if (args.length !== 3) return usageFail(ctx, SET_USAGE);
      writes = macField('macAddress', LAN_PARAMS.macAddress.id, 'MAC Address', a2);
      if (!writes) return 1;
      break;
    case 'defgw':
    case 'bakgw': {
      const def = what === 'defgw';
      if (args.length < 4)
        return usageFail(
          ctx,
          def
            ? 'LAN set default gateway Commands: ipaddr, macaddr\n'
            : 'LAN set backup gateway commands: ipaddr, macaddr\n',
        );
      if (a2 === 'help')
        return usageOk(
          ctx,
          def
            ? 'LAN set default gateway Commands: ipaddr, macaddr\n'
            : 'LAN set backup gateway commands: ipaddr, macaddr\n',
        );
      if (a2 === 'ipaddr')
        writes = ipField(
          def ? 'defaultGateway' : 'backupGateway',
          def ? LAN_PARAMS.defaultGatewayIp.id : LAN_PARAMS.backupGatewayIp.id,
          def ? 'Default Gateway IP' : 'Backup Gateway IP',
          a3,
        );
      else if (a2 === 'macaddr')
        writes = macField(
          def ? 'defaultGatewayMac' : 'backupGatewayMac',
          def ? LAN_PARAMS.defaultGatewayMac.id : LAN_PARAMS.backupGatewayMac.id,
          def ? 'Default Gateway MAC' : 'Backup Gateway MAC',
          a3,
        );
      if (!writes) return usageFail(ctx, SET_USAGE);
      break;
    }
    case 'ipsrc': {
      if (args.length < 3) return usageFail(ctx, IPSRC_USAGE);
      if (a2 === 'help') return usageOk(ctx, IPSRC_USAGE);
      // ipmitool calls the unspecified source "none"
      const source = a2 === 'none' ? 'unspecified' : a2!;
      const code = Object.hasOwn(IP_SOURCE_CODE, source)
        ? IP_SOURCE_CODE[source as keyof typeof IP_SOURCE_CODE]
        : undefined;
      if (code === undefined) return usageFail(ctx, IPSRC_USAGE);
      writes = one('ipSource', LAN_PARAMS.ipAddressSource.id, Uint8Array.of(code));
      break;
    }
    case 'snmp': {
      if (args.length < 3) return usageFail(ctx, 'lan set <channel> snmp <community string>\n');
      if (a2 === 'help') return usageOk(ctx, 'lan set <channel> snmp <community string>\n');
      const d = encode(ctx, () => encodeCommunity(a2!));
      if (!d) return 1;
      announce = `Setting LAN SNMP Community String to ${a2!}\n`;
      writes = one('snmpCommunity', LAN_PARAMS.communityString.id, d);
      break;
    }
    case 'vlan': {
      if (args.length < 4) return usageFail(ctx, VLAN_USAGE);
      if (a2 === 'help') return usageOk(ctx, VLAN_USAGE);
      if (a2 === 'id') {
        if (a3 === 'off') {
          writes = one('vlanId', LAN_PARAMS.vlanId.id, encodeVlan(undefined));
          break;
        }
        const id = /^-?\d+$/.test(a3!) || /^0x[0-9a-f]+$/i.test(a3!) ? Number(a3) : NaN;
        if (Number.isNaN(id)) {
          ctx.err(`Given VLAN ID '${a3!}' is invalid.\n`);
          return 1;
        }
        if (id < 1 || id > 4094) {
          ctx.err('VLAN ID must be between 1 and 4094.\n');
          return 1;
        }
        writes = one('vlanId', LAN_PARAMS.vlanId.id, encodeVlan(id));
      } else if (a2 === 'priority') {
        const p = /^-?\d+$/.test(a3!) ? Number(a3) : NaN;
        if (Number.isNaN(p)) {
          ctx.err(`Given VLAN priority '${a3!}' is invalid.\n`);
          return 1;
        }
        if (p < 0 || p > 7) {
          ctx.err('VLAN priority must be between 0 and 7.\n');
          return 1;
        }
        writes = one('vlanPriority', LAN_PARAMS.vlanPriority.id, encodeVlanPriority(p));
      } else return usageFail(ctx, VLAN_USAGE);
      break;
    }
    case 'cipher_privs': {
      if (args.length !== 3) return usageFail(ctx, CIPHER_PRIVS_USAGE);
      if (a2 === 'help') return usageOk(ctx, CIPHER_PRIVS_USAGE);
      if (a2!.length !== 15) {
        ctx.err(`Invalid privilege specification length: ${a2!.length}\n`);
        return usageOk(ctx, CIPHER_PRIVS_USAGE);
      }
      const levels = Array.from(a2!, (ch) => CIPHER_PRIV[ch]);
      const bad = levels.findIndex((l) => l === undefined);
      if (bad >= 0) {
        ctx.err(`Invalid privilege specification char: ${a2![bad]!}\n`);
        return usageOk(ctx, CIPHER_PRIVS_USAGE);
      }
      writes = one(
        'cipherPrivileges',
        LAN_PARAMS.cipherSuitePrivileges.id,
        encodeCipherSuitePrivileges(levels as number[]),
      );
      break;
    }
    case 'auth': {
      if (args.length < 3) return usageFail(ctx, AUTH_USAGE);
      if (a2 === 'help') return usageOk(ctx, AUTH_USAGE);
      if (a3 === undefined) return 1;
      // Both lists are split at commas, as the usage text says. ipmitool 1.8.19 compares the whole rest
      // of the list with each name, so in "MD5,PASSWORD" only the last name counts (it warns about
      // "MD5,PASSWORD" and enables PASSWORD alone); we enable both.
      const types = parseAuthTypes(a3);
      for (const t of types.invalid) ctx.err(`Invalid authentication type: ${t}\n`);
      const levels = parseAuthLevels(a2!);
      for (const l of levels.invalid) ctx.err(`Invalid authentication level: ${l}\n`);
      special = async (r) => {
        const cur = await readOrSay(ctx, r, channel, 'authTypeEnables', 'Authentication Type Enables');
        if (!cur) return 1;
        const data = encodeAuthTypeEnables(cur, levels.bytes, types.mask);
        return write(ctx, r, channel, one('authTypes', LAN_PARAMS.authTypeEnables.id, data));
      };
      break;
    }
    case 'arp': {
      if (args.length < 3) return usageFail(ctx, ARP_USAGE);
      if (a2 === 'help') return usageOk(ctx, ARP_USAGE);
      if (a2 === 'respond' || a2 === 'generate') {
        if (args.length < 4 || (a3 !== 'on' && a3 !== 'off')) return usageFail(ctx, ARP_USAGE);
        special = async (r) => {
          const cur = await readOrSay(ctx, r, channel, 'bmcArpControl', 'BMC ARP Control');
          if (!cur) return 1;
          const on = a3 === 'on';
          ctx.out(
            `${on ? 'En' : 'Dis'}abling BMC-generated ${a2 === 'respond' ? 'ARP responses' : 'Gratuitous ARPs'}\n`,
          );
          const data = Uint8Array.of(encodeArpControl(cur[0]!, a2, on));
          return write(ctx, r, channel, one('arpControl', LAN_PARAMS.bmcArpControl.id, data));
        };
      } else if (a2 === 'interval') {
        const secs = a3 === undefined ? undefined : parseIpmitoolUint(a3, 0xff);
        if (secs === undefined) {
          ctx.err(`Given ARP interval '${a3 ?? ''}' is invalid.\n`);
          return 1;
        }
        // checked before anything is sent (ipmitool reads the parameter first: same text, same exit
        // code, but on a BMC without the parameter it fails silently instead)
        if (secs > 127) {
          ctx.err(`Given ARP interval '${secs}' is too big.\n`);
          return 1;
        }
        special = async (r) => {
          const cur = await readOrSay(ctx, r, channel, 'gratuitousArpInterval', 'Gratuitous ARP Interval');
          if (!cur) return 1;
          // 0 shows the current interval without writing
          const raw = secs === 0 ? cur[0]! : encodeGratuitousArpInterval(secs);
          const rc =
            secs === 0
              ? 0
              : await write(
                  ctx,
                  r,
                  channel,
                  one('arpInterval', LAN_PARAMS.gratuitousArpInterval.id, Uint8Array.of(raw)),
                );
          // ipmitool divides as integers before printing one decimal ("1.0" for 1.5 s)
          ctx.out(
            `BMC-generated Gratuitous ARP interval:  ${Math.trunc(decodeGratuitousArpInterval(raw))}.0 seconds\n`,
          );
          return rc;
        };
      } else {
        ctx.err(ARP_USAGE);
        return 0;
      }
      break;
    }
    case 'bad_pass_thresh': {
      if (args.length === 3 && a2 === 'help') return usageOk(ctx, BAD_PASS_USAGE);
      const [n, ev, reset, lockout] = [args[2], args[3], args[4], args[5]].map((t) =>
        t === undefined ? undefined : parseIpmitoolUint(t, 0xffff),
      );
      if (
        args.length < 6 ||
        n === undefined ||
        n > 0xff ||
        ev === undefined ||
        ev > 1 ||
        reset === undefined ||
        lockout === undefined
      )
        return usageFail(ctx, BAD_PASS_USAGE);
      // the command line gives the intervals in the wire's units (ipmitool's), not in seconds
      writes = one(
        'badPasswordThreshold',
        LAN_PARAMS.badPasswordThreshold.id,
        encodeBadPasswordThreshold(
          badPasswordThresholdFromUnits({
            generateEvent: ev === 1,
            threshold: n,
            resetIntervalUnits: reset,
            lockoutIntervalUnits: lockout,
          }),
        ),
      );
      break;
    }
    case 'access': {
      if (args.length < 3) return usageFail(ctx, 'lan set access <on|off>\n');
      if (a2 === 'help') return usageOk(ctx, 'lan set access <on|off>\n');
      if (a2 !== 'on' && a2 !== 'off') return usageFail(ctx, 'lan set access <on|off>\n');
      special = (r) => setAccess(ctx, r, channel, a2 === 'on');
      break;
    }
    default:
      return usageFail(ctx, SET_USAGE);
  }

  const r = await ctx.session();
  if (!(await isLanChannel(ctx, r, channel))) {
    ctx.err(`Channel ${channel} is not a LAN channel!\n`);
    ctx.err(SET_USAGE);
    return 1;
  }
  if (special) return special(r);
  ctx.out(announce);
  const gw = writes!.find((w) => w.field === 'defaultGateway' || w.field === 'backupGateway');
  if (gw) await warnIfOffSubnet(ctx, r, channel, gw.data);
  return write(ctx, r, channel, writes!);
}

/** A gateway outside the BMC's own subnet is legal but almost always a typo: warn, do not refuse. */
async function warnIfOffSubnet(
  ctx: CliContext,
  r: Requester,
  channel: number,
  gateway: Uint8Array,
): Promise<void> {
  const ip = await getLanParam(r, channel, LAN_PARAMS.ipAddress.id);
  const mask = await getLanParam(r, channel, LAN_PARAMS.subnetMask.id);
  if (!ip || !mask || ip.length < 4 || mask.length < 4 || gateway.every((b) => b === 0)) return;
  if (!sameSubnet(ip, gateway, mask))
    ctx.err(
      `Warning: gateway ${formatIpv4(gateway)} is outside the subnet ${formatIpv4(ip)}/${formatIpv4(mask)}\n`,
    );
}

/** ipmitool's ipmi_set_channel_access: access mode and an ADMIN privilege limit, non-volatile then volatile. */
async function setAccess(ctx: CliContext, r: Requester, channel: number, on: boolean): Promise<number> {
  for (const copy of ['non-volatile', 'volatile'] as const) {
    const cur = await evalCcode(ctx, () => getChannelAccess(r, channel, copy));
    if (!cur.ok) {
      ctx.err(`Unable to Get Channel Access(${copy}) for channel ${channel}\n`);
      return 1;
    }
    const c = cur.value;
    const done = await evalCcode(ctx, () =>
      setChannelAccess(r, {
        channel,
        access: {
          copy,
          alertingDisabled: c.alertingDisabled,
          perMessageAuthDisabled: c.perMessageAuthDisabled,
          userLevelAuthDisabled: c.userLevelAuthDisabled,
          mode: on ? 'always available' : 'disabled',
        },
        privilege: { copy, limit: 4 },
      }),
    );
    if (!done.ok) {
      ctx.err(`Unable to Set Channel Access(${copy}) for channel ${channel}\n`);
      return 1;
    }
  }
  ctx.out(`Set Channel Access for channel ${channel} was successful.\n`);
  return 0;
}

function usageFail(ctx: CliContext, text: string): number {
  ctx.err(text);
  return 1;
}
function usageOk(ctx: CliContext, text: string): number {
  ctx.err(text);
  return 0;
}

export const lanCommand: CliCommand = {
  name: 'lan',
  usage: LAN_USAGE,
  async run(ctx, args) {
    if (args.length === 0) return usageFail(ctx, LAN_USAGE);
    if (args[0] === 'help') return usageOk(ctx, LAN_USAGE);
    if (args[0] === 'print' || args[0] === 'printconf') return print(ctx, args);
    if (args[0] === 'set') return set(ctx, args);
    ctx.err(`Invalid LAN command: ${args[0]!}\n`);
    return 1;
  },
};
