// `pef info|status|policy list|help` as ipmitool 1.8.19 has them (lib/ipmi_pef.c ipmi_pef_main), with
// its texts and exit statuses: its sub-commands that "return 1" exit 0 (ipmitool only fails on a
// negative status), "Not implemented." for the ones ipmitool never finished. Non-verbose output only.
import type { CliCommand, CliContext } from '../context';
import type { Requester } from '../../ipmi/client/requester';
import { isIpmiError } from '../../ipmi/errors';
import {
  decodePefCapabilities,
  GET_PEF_CAPABILITIES,
  PEF_ACTIONS,
} from '../../ipmi/commands/sensor/pef-capabilities';
import {
  CC_PEF_PARAM_NOT_SUPPORTED,
  decodeAlertPolicyEntry,
  decodeFlagsParam,
  decodeSystemGuidParam,
  decodeTableSize,
  encodeGetPefConfig,
  GET_PEF_CONFIG,
  PEF_CONTROL_FLAGS,
  PEF_PARAM,
  PEF_PARAM_FILTER_ENTRY,
  decodeEventFilter,
  type EventFilter,
} from '../../ipmi/commands/sensor/pef-config';
import {
  decodeLastProcessedEvent,
  GET_LAST_PROCESSED_EVENT,
} from '../../ipmi/commands/sensor/last-processed-event';
import {
  decodeChannelInfo,
  encodeGetChannelInfo,
  GET_CHANNEL_INFO,
} from '../../ipmi/commands/app/get-channel-info';
import { decodeGuid, GET_SYSTEM_GUID } from '../../ipmi/commands/app/get-device-guid';
import { encodeGetLanConfig, GET_LAN_CONFIG } from '../../ipmi/commands/transport/lan-config';
import type { CommandSpec } from '../../ipmi/commands/command-spec';
import { ipmitoolCcText } from '../format/completion-code';
import {
  allFlagNames,
  CHANNEL_MEDIA,
  eventClass,
  eventTriggerText,
  firstFlagName,
  LAN_DEST_TYPES,
  listName,
  PEF_SENSOR_TYPES,
  PefLine,
  POLICY_RULES,
  SEVERITIES,
} from '../format/pef';
import { timestampNumeric, type TimeOptions } from '../format/ipmi-time';

const HELP = [
  'usage: pef help',
  '       pef capabilities',
  '       pef event <params>',
  '       pef filter list',
  '       pef filter enable <id = 1..n>',
  '       pef filter disable <id = 1..n>',
  '       pef filter create <id = 1..n> <params>',
  '       pef filter delete <id = 1..n>',
  '       pef info',
  '       pef policy list',
  '       pef policy enable <id = 1..n>',
  '       pef policy disable <id = 1..n>',
  '       pef policy create <id = 1..n> <params>',
  '       pef policy delete <id = 1..n>',
  '       pef pet ack <params>',
  '       pef status',
  '       pef timer get',
  '       pef timer set <0x00-0xFF>',
]
  .map((l) => l + '\n')
  .join('');

const POLICY_HELP = [
  'usage: pef policy help',
  '       pef policy list',
  '       pef policy enable <id = 1..n>',
  '       pef policy disable <id = 1..n>',
  '       pef policy create <id = 1..n> <params>',
  '       pef policy delete <id = 1..n>',
]
  .map((l) => l + '\n')
  .join('');

/** What ipmitool's _ipmi_get_* helpers return: the data, a completion code, -1 (no answer) or -2 (a
 *  reply of the wrong length). */
type Outcome<T> = { ok: T } | { rc: number };

async function ask<T>(
  r: Requester,
  spec: CommandSpec,
  data: Uint8Array | undefined,
  decode: (d: Buffer) => T,
  /** ipmitool insists on this exact length for some replies */
  exact?: number,
): Promise<Outcome<T>> {
  let rsp;
  try {
    rsp = await r.raw({ netFn: spec.netFn, cmd: spec.cmd, ...(data && { data }) });
  } catch (e) {
    if (isIpmiError(e) && e.kind === 'timeout') return { rc: -1 };
    throw e;
  }
  if (rsp.completionCode !== 0) return { rc: rsp.completionCode };
  if (exact !== undefined && rsp.data.length !== exact) return { rc: -2 };
  try {
    return { ok: decode(rsp.data) };
  } catch (e) {
    if (isIpmiError(e) && e.kind === 'protocol') return { rc: -2 };
    throw e;
  }
}

/** ipmitool's eval_ccode message for a failed helper. */
function evalText(rc: number): string {
  if (rc === -1) return 'IPMI response is NULL.\n';
  if (rc === -2) return 'Unexpected data length received.\n';
  return `IPMI command failed: ${ipmitoolCcText(rc)}\n`;
}

const pefParam = <T>(r: Requester, param: number, set: number, decode: (d: Buffer) => T, exact: number) =>
  ask(r, GET_PEF_CONFIG, encodeGetPefConfig(param, set), decode, exact);

async function info(ctx: CliContext): Promise<number> {
  const r = await ctx.session();
  const size = await pefParam(r, PEF_PARAM.alertPolicyTableSize, 0, (d) => decodeTableSize(d, r.host), 2);
  let policyTableSize = 0;
  if ('rc' in size) ctx.err(evalText(size.rc) + 'Failed to get size of PEF Policy Table.\n');
  else policyTableSize = size.ok;
  const caps = await ask(r, GET_PEF_CAPABILITIES, undefined, (d) => decodePefCapabilities(d, r.host), 3);
  if ('rc' in caps) {
    ctx.err(evalText(caps.rc) + 'Failed to get PEF Capabilities.\n');
    return 1;
  }
  const line = new PefLine().hex2(caps.ok.version).dec(caps.ok.eventFilterCount).dec(policyTableSize);
  const sysGuid = await pefParam(r, PEF_PARAM.systemGuid, 0, (d) => decodeSystemGuidParam(d, r.host), 18);
  let guid: Uint8Array | undefined;
  if ('rc' in sysGuid && sysGuid.rc !== CC_PEF_PARAM_NOT_SUPPORTED) {
    // ipmitool has printed nothing of the line yet (stdout is line-buffered) and drops it
    ctx.err(evalText(sysGuid.rc) + `Failed to get PEF System GUID. ${sysGuid.rc}\n`);
    return 1;
  }
  if ('ok' in sysGuid && sysGuid.ok.useGuid) guid = sysGuid.ok.guid;
  else {
    const g = await ask(r, GET_SYSTEM_GUID, undefined, (d) => decodeGuid(d, GET_SYSTEM_GUID, r.host), 16);
    if ('ok' in g) guid = g.ok;
  }
  if (guid) line.guid(guid);
  line.flags(PEF_ACTIONS, caps.ok.actions);
  ctx.out(`${line}\n`);
  return 0;
}

/** ipmi_pef_msg_exchange: 0x80 fails silently, other codes print " **Error %x in '<what>' command". */
async function exchange(
  ctx: CliContext,
  r: Requester,
  spec: CommandSpec,
  data: Uint8Array | undefined,
  what: string,
): Promise<Buffer | undefined> {
  let rsp;
  try {
    rsp = await r.raw({ netFn: spec.netFn, cmd: spec.cmd, ...(data && { data }) });
  } catch (e) {
    if (!isIpmiError(e) || e.kind !== 'timeout') throw e;
  }
  if (rsp && rsp.completionCode === 0) return rsp.data;
  if (rsp && rsp.completionCode !== CC_PEF_PARAM_NOT_SUPPORTED)
    ctx.err(` **Error ${rsp.completionCode.toString(16)} in '${what}' command\n`);
  ctx.err(` **Error retrieving ${what}\n`);
  return undefined;
}

async function status(ctx: CliContext, tz: TimeOptions): Promise<number> {
  const r = await ctx.session();
  const last = await exchange(ctx, r, GET_LAST_PROCESSED_EVENT, undefined, 'Last S/W processed ID');
  if (!last) return 1;
  const ev = decodeLastProcessedEvent(last, r.host);
  const line = new PefLine()
    .str(timestampNumeric(ev.lastAddTime, tz))
    .hex4(ev.lastRecordId)
    .hex4(ev.softwareProcessedId)
    .hex4(ev.bmcProcessedId);
  const control = await exchange(
    ctx,
    r,
    GET_PEF_CONFIG,
    encodeGetPefConfig(PEF_PARAM.control),
    'PEF control',
  );
  if (!control) return 1;
  line.flags(PEF_CONTROL_FLAGS, decodeFlagsParam(control, r.host));
  const action = await exchange(
    ctx,
    r,
    GET_PEF_CONFIG,
    encodeGetPefConfig(PEF_PARAM.actionGlobalControl),
    'PEF action',
  );
  if (!action) return 1;
  line.flags(PEF_ACTIONS, decodeFlagsParam(action, r.host));
  ctx.out(`${line}\n`);
  return 0;
}

const LAN_PARAM = { petCommunity: 16, destinationCount: 17, destinationType: 18, destinationAddress: 19 };

/** ipmi_pef_print_lan_dest: type, community (PET), timeout, retries, then address; errors on stderr. */
async function lanDestination(ctx: CliContext, r: Requester, line: PefLine, ch: number, dest: number) {
  const lan = (param: number, set: number, what: string) =>
    exchange(ctx, r, GET_LAN_CONFIG, encodeGetLanConfig(ch, param, set), what);
  if (!(await lan(LAN_PARAM.destinationCount, 0, 'Alert destination count'))) return;
  const type = await lan(LAN_PARAM.destinationType, dest, 'Alert destination type');
  if (!type || type.length < 5 || type[1] !== dest) {
    if (type) ctx.err(' **Error retrieving Alert destination type\n');
    return;
  }
  const destType = type[2]! & 0x07;
  line.str(listName(LAN_DEST_TYPES, destType));
  if (destType === 0) {
    const community = await lan(LAN_PARAM.petCommunity, 0, 'PET community');
    if (community) line.str(Buffer.from(community.subarray(1, 19)).toString('latin1').split('\0')[0]!);
  }
  line.dec(type[3]!).dec(type[4]! & 0x07);
  const addr = await lan(LAN_PARAM.destinationAddress, dest, 'Alert destination info');
  if (!addr || addr.length < 14 || addr[1] !== dest) {
    if (addr) ctx.err(' **Error retrieving Alert destination info\n');
    return;
  }
  line.str(Array.from(addr.subarray(4, 8)).join('.'));
  line.str(Array.from(addr.subarray(8, 14), (b) => b.toString(16).padStart(2, '0')).join(':'));
}

async function policyList(ctx: CliContext): Promise<number> {
  const r = await ctx.session();
  const size = await pefParam(r, PEF_PARAM.alertPolicyTableSize, 0, (d) => decodeTableSize(d, r.host), 2);
  if ('rc' in size) {
    ctx.err(evalText(size.rc));
    return 1;
  }
  if (size.ok === 0) {
    ctx.err("PEF Alert Policy isn't supported.\n");
    return 1;
  }
  for (let i = 1; i <= size.ok; i++) {
    const entry = await pefParam(
      r,
      PEF_PARAM.alertPolicyEntry,
      i,
      (d) => decodeAlertPolicyEntry(d, r.host),
      5,
    );
    if ('rc' in entry) {
      ctx.err(evalText(entry.rc));
      continue;
    }
    const e = entry.ok;
    const line = new PefLine()
      .dec(e.entry)
      .dec(e.policySet)
      .str(e.enabled ? 'enabled' : 'disabled')
      .str(listName(POLICY_RULES, e.rule));
    if (e.eventSpecific) line.str('true');
    const ch = await ask(
      r,
      GET_CHANNEL_INFO,
      encodeGetChannelInfo(e.channel),
      (d) => decodeChannelInfo(d, r.host),
      9,
    );
    if ('rc' in ch) {
      // ipmitool goes on to the next entry without ending this line
      ctx.err(evalText(ch.rc));
      ctx.out(line.toString());
      continue;
    }
    line.dec(ch.ok.channel).str(listName(CHANNEL_MEDIA, ch.ok.medium));
    if (ch.ok.medium === 4) await lanDestination(ctx, r, line, ch.ok.channel, e.destination);
    else if (ch.ok.medium === 5) {
      // Serial/modem destinations (dial strings, TAP, PPP) are not decoded here; say so, never guess.
      ctx.err(
        `Serial/modem alert destination ${e.destination} of channel ${ch.ok.channel}: not decoded by bmcdesk\n`,
      );
    } else line.dec(e.destination);
    ctx.out(`${line}\n`);
  }
  return 0;
}

async function policy(ctx: CliContext, args: string[]): Promise<number> {
  const [sub] = args;
  if (sub === undefined) {
    ctx.err('Not enough parameters given.\n' + POLICY_HELP);
    return 1;
  }
  if (sub === 'help') {
    ctx.err(POLICY_HELP);
    return 0;
  }
  if (sub === 'list') return policyList(ctx);
  if (sub === 'create' || sub === 'delete') {
    ctx.err('Not implemented.\n');
    return 0;
  }
  if (sub === 'enable' || sub === 'disable') {
    // a write: not offered yet rather than offered unverified
    ctx.err(`pef policy ${sub}: not supported by bmcdesk yet\n`);
    return 1;
  }
  ctx.err(`Invalid PEF Policy command: ${sub}\n` + POLICY_HELP);
  return 0;
}

const FILTER_HELP = [
  'usage: pef filter help',
  '\tpef filter list', // sic: ipmitool indents this one line with a tab
  '       pef filter enable <id = 1..n>',
  '       pef filter disable <id = 1..n>',
  '       pef filter create <id = 1..n> <params>',
  '       pef filter delete <id = 1..n>',
]
  .map((l) => l + '\n')
  .join('');

/** `pef filter list` (ipmi_pef2_list_filters): one line per filter; enable/disable/create/delete are
 *  writes bmcdesk does not offer yet and say so. */
async function filter(ctx: CliContext, args: string[]): Promise<number> {
  const [sub] = args;
  if (sub === undefined) {
    ctx.err('Not enough parameters given.\n' + FILTER_HELP);
    return 1;
  }
  if (sub === 'help') {
    ctx.err(FILTER_HELP);
    return 0;
  }
  if (sub === 'create' || sub === 'delete') {
    ctx.err('Not implemented.\n');
    return 0;
  }
  if (sub === 'enable' || sub === 'disable') {
    // a write: not offered yet rather than offered unverified
    ctx.err(`pef filter ${sub}: not supported by bmcdesk yet\n`);
    return 1;
  }
  if (sub !== 'list') {
    // ipmitool's status for this is 1, which it exits with 0
    ctx.err(`Invalid PEF Filter command: ${sub}\n` + FILTER_HELP);
    return 0;
  }
  const r = await ctx.session();
  const caps = await ask(r, GET_PEF_CAPABILITIES, undefined, (d) => decodePefCapabilities(d, r.host), 3);
  if ('rc' in caps) {
    ctx.err(evalText(caps.rc));
    return 1;
  }
  if (caps.ok.eventFilterCount === 0) {
    ctx.err("PEF Event Filtering isn't supported.\n");
    return 1;
  }
  for (let i = 1; i <= caps.ok.eventFilterCount; i++) {
    const f = await pefParam(r, PEF_PARAM_FILTER_ENTRY, i, (d) => decodeEventFilter(d, r.host), 22);
    if ('rc' in f) {
      ctx.err(evalText(f.rc) + `Failed to get PEF Event Filter Entry ${i}.\n`);
      continue;
    }
    ctx.out(`${filterLine(f.ok)}\n`);
  }
  return 0;
}

/** ipmi_pef_print_filter_entry, non-verbose. */
function filterLine(f: EventFilter): PefLine {
  const kind = f.configType === 2 ? 'pre-configured' : f.configType === 0 ? 'configurable' : 'reserved';
  const line = new PefLine().dec(f.id).str(`${f.enabled ? 'en' : 'dis'}abled, ${kind}`);
  if (!f.enabled) return line;
  line.str(listName(PEF_SENSOR_TYPES, f.sensorType));
  if (f.sensorNumber === 0xff) line.str('Any');
  else line.dec(f.sensorNumber);
  line
    .str(firstFlagName(SEVERITIES, f.severity))
    .str(eventClass(f.eventTrigger))
    .str(eventTriggerText(f.eventTrigger, f.offsetMask))
    .str(allFlagNames(PEF_ACTIONS, f.actions));
  if (f.actions & 0x01) line.dec(f.policyNumber);
  return line;
}

export const pefCommand: CliCommand = {
  name: 'pef',
  usage: 'pef info | status | policy list | help',
  async run(ctx, args) {
    const tz: TimeOptions = { tz: ctx.env?.TZ };
    const [sub, ...rest] = args;
    switch (sub) {
      case undefined:
        ctx.err('Not enough parameters given.\n' + HELP);
        return 1;
      case 'help':
        ctx.err(HELP);
        return 0;
      case 'capabilities':
      case 'event':
      case 'pet':
      case 'timer':
        ctx.err('Not implemented.\n');
        return 0;
      case 'info':
        return info(ctx);
      case 'status':
        return status(ctx, tz);
      case 'policy':
        return policy(ctx, rest);
      case 'filter':
        return filter(ctx, rest);
      default:
        ctx.err(`Invalid PEF command: '${sub}'\n\n`);
        return 1;
    }
  },
};
