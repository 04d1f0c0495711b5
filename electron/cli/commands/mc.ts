// `bmcdesk mc|bmc info|guid|reset|getenables|setenables|selftest` (ipmitool lib/ipmi_mc.c).
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { CliCommand, CliContext } from '../context';
import { readDeviceView } from '../../views/device';
import { getSystemGuid } from '../../ipmi/commands/app/get-device-guid';
import { coldReset } from '../../ipmi/commands/app/cold-reset';
import { warmReset } from '../../ipmi/commands/app/warm-reset';
import {
  getGlobalEnables,
  setGlobalEnables,
  GLOBAL_ENABLE_BITS,
  type GlobalEnable,
} from '../../ipmi/commands/app/bmc-global-enables';
import { getSelfTestResults } from '../../ipmi/commands/app/get-self-test-results';
import { parseIanaRegistry } from '../../ipmi/decode/iana-enterprises';
import {
  formatDeviceId,
  formatGlobalEnables,
  formatGuid,
  formatMcReset,
  formatSelfTest,
  type GuidMode,
} from '../format/mc';
import { ipmitoolCcText } from '../format/completion-code';
import { orRefusal, refusalCode } from './cc-failure';

const ENABLE_OPTIONS: [string, GlobalEnable, string][] = [
  ['recv_msg_intr', 'receiveMessageInterrupt', 'Receive Message Queue Interrupt'],
  ['event_msg_intr', 'eventBufferFullInterrupt', 'Event Message Buffer Full Interrupt'],
  ['event_msg', 'eventMessageBuffer', 'Event Message Buffer'],
  ['system_event_log', 'systemEventLogging', 'System Event Logging'],
  ['oem0', 'oem0', 'OEM 0'],
  ['oem1', 'oem1', 'OEM 1'],
  ['oem2', 'oem2', 'OEM 2'],
];

export const MC_USAGE =
  [
    'MC Commands:',
    '  reset <warm|cold>',
    '  guid [auto|smbios|ipmi|rfc4122|dump]',
    '  info',
    '  watchdog <get|reset|off>',
    '  selftest',
    '  getenables',
    '  setenables <option=on|off> ...',
    ...ENABLE_OPTIONS.map(([n, , d]) => `    ${n.padEnd(20)}  ${d}`),
    '  getsysinfo <argument>',
    '  setsysinfo <argument> <string>',
    '    system_fw_version   System firmware (e.g. BIOS) version',
    '    primary_os_name     Primary operating system name',
    '    os_name             Operating system name',
    '    system_name         System Name of server(vendor dependent)',
    '    delloem_os_version  Running version of operating system',
    '    delloem_url         URL of BMC webserver',
    '',
  ].join('\n') + '\n';

const RESET_USAGE = 'usage: mc reset <warm|cold>\n';

/** IANA's registry where ipmitool looks for it (user copy first); the built-in table otherwise. */
function loadRegistry(): Map<number, string> | undefined {
  for (const p of [
    join(homedir(), '.local/usr/share/misc/enterprise-numbers.txt'),
    '/usr/share/misc/enterprise-numbers.txt',
  ]) {
    try {
      return parseIanaRegistry(readFileSync(p, 'latin1'));
    } catch {
      // not there: try the next place
    }
  }
  return undefined;
}

async function reset(ctx: CliContext, kind: string | undefined): Promise<number> {
  if (kind === undefined) {
    ctx.err('Not enough parameters given.\n' + RESET_USAGE);
    return 1;
  }
  if (kind === 'help') {
    ctx.err(RESET_USAGE);
    return 0;
  }
  if (kind !== 'warm' && kind !== 'cold') {
    ctx.err(`Invalid mc/bmc reset command: ${kind}\n` + RESET_USAGE);
    return 1;
  }
  const r = await ctx.session();
  const res = await orRefusal(ctx, 'MC reset command failed', () =>
    kind === 'cold' ? coldReset(r) : warmReset(r),
  );
  if (!('value' in res)) return 1;
  ctx.out(formatMcReset(kind));
  return 0;
}

async function setEnables(ctx: CliContext, args: string[]): Promise<number> {
  if (args.length === 0 || args[0] === 'help') {
    ctx.err(MC_USAGE);
    return args.length === 0 ? 1 : 0;
  }
  const r = await ctx.session();
  const cur = await orRefusal(ctx, 'Get Global Enables command failed', () => getGlobalEnables(r));
  if (!('value' in cur)) return 1;
  let en = cur.value.raw;
  for (const a of args) {
    for (const [name, key, desc] of ENABLE_OPTIONS) {
      // ipmitool 1.8.19 compares the whole "name=on" with "name" and so never matches; we do what
      // its usage text says.
      if (!a.startsWith(name + '=')) continue;
      const v = a.slice(name.length + 1);
      const bit = 1 << GLOBAL_ENABLE_BITS[key];
      if (v === 'off') {
        ctx.out(`Disabling ${desc}\n`);
        en &= ~bit;
      } else if (v === 'on') {
        ctx.out(`Enabling ${desc}\n`);
        en |= bit;
      } else ctx.err(`Unrecognized option: ${a}\n`);
    }
  }
  if (en === cur.value.raw) {
    ctx.out('\nNothing to change...\n' + formatGlobalEnables(cur.value));
    return 0;
  }
  const w = await orRefusal(ctx, 'Set Global Enables command failed', () => setGlobalEnables(r, en));
  if (!('value' in w)) return 1;
  ctx.out('\nVerifying...\n');
  const after = await orRefusal(ctx, 'Get Global Enables command failed', () => getGlobalEnables(r));
  if ('value' in after) ctx.out(formatGlobalEnables(after.value));
  return 0;
}

export async function runMc(ctx: CliContext, args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  switch (sub) {
    case undefined:
      ctx.err('Not enough parameters given.\n' + MC_USAGE);
      return 1;
    case 'help':
      ctx.err(MC_USAGE);
      return 0;
    case 'reset':
      return reset(ctx, rest[0]);
    case 'info': {
      const r = await ctx.session();
      const res = await orRefusal(ctx, 'Get Device ID command failed', () => {
        const registry = loadRegistry();
        return readDeviceView(r, registry ? { registry } : {});
      });
      if (!('value' in res)) return 1;
      ctx.out(formatDeviceId(res.value));
      return 0;
    }
    case 'guid': {
      const modes: Record<string, GuidMode> = {
        rfc: 'rfc4122',
        smbios: 'smbios',
        ipmi: 'ipmi',
        auto: 'auto',
        dump: 'dump',
      };
      const mode =
        (rest[0] !== undefined && Object.hasOwn(modes, rest[0]) ? modes[rest[0]] : undefined) ?? 'auto';
      const r = await ctx.session();
      const res = await orRefusal(ctx, 'IPMI command failed', () => getSystemGuid(r));
      if (!('value' in res)) return 1;
      ctx.out(formatGuid(res.value, mode));
      return 0;
    }
    case 'getenables': {
      const r = await ctx.session();
      const res = await orRefusal(ctx, 'Get Global Enables command failed', () => getGlobalEnables(r));
      if (!('value' in res)) return 1;
      ctx.out(formatGlobalEnables(res.value));
      return 0;
    }
    case 'setenables':
      return setEnables(ctx, rest);
    case 'selftest': {
      const r = await ctx.session();
      try {
        const t = formatSelfTest(await getSelfTestResults(r));
        ctx.out(t.text);
        return t.ok ? 0 : 1;
      } catch (e) {
        const code = refusalCode(e);
        if (code === undefined) throw e;
        ctx.err(`Bad response: (${ipmitoolCcText(code)})\n`);
        return 1;
      }
    }
    default:
      // watchdog, getsysinfo and setsysinfo are not implemented: reported like unknown commands.
      ctx.err(`Invalid mc/bmc command: ${sub}\n` + MC_USAGE);
      return 1;
  }
}

export const mcCommand: CliCommand = { name: 'mc', usage: MC_USAGE, run: runMc };
export const bmcCommand: CliCommand = { name: 'bmc', usage: MC_USAGE, run: runMc };
