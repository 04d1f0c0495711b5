// `chassis bootdev <device> [options=...]` and `chassis bootparam get|set` with ipmitool 1.8.19's
// syntax and text (lib/ipmi_chassis.c). Every argument is parsed before the session is opened:
// ipmitool itself sends set-in-progress and the ack before it notices a bad device name; we send nothing.
import type { CliContext } from '../context';
import type { BootDevice, BootFlagsInput } from '../../ipmi/commands/chassis/boot-flags';
import { setBootFlags } from '../../ipmi/commands/chassis/set-boot-device';
import { GET_SYSTEM_BOOT_OPTIONS, getBootOption } from '../../ipmi/commands/chassis/system-boot-options';
import {
  updateValidBitClearing,
  type ValidBitEvent,
  type ValidBitKeepFlags,
} from '../../ipmi/commands/chassis/boot-valid-bit-clearing';
import { isIpmiError } from '../../ipmi/errors';
import { formatBootParameter } from '../format/chassis';
import { ipmitoolCcText } from '../format/completion-code';
import { str2uchar } from '../str2uchar';
import { orRefusal, refusalCode } from './cc-failure';

/** ipmitool's command-specific texts for Get / Set System Boot Options. */
const GET_CC = { 0x80: 'Unsupported parameter' };
const SET_CC = {
  0x80: 'Unsupported parameter',
  0x81: "Attempt to set 'in progress' while not in 'complete' state",
  0x82: 'Parameter is read-only',
};

const DEVICES: Record<string, BootDevice> = {
  none: 'none',
  pxe: 'pxe',
  force_pxe: 'pxe',
  disk: 'disk',
  force_disk: 'disk',
  safe: 'safe',
  force_safe: 'safe',
  diag: 'diag',
  force_diag: 'diag',
  cdrom: 'cdrom',
  force_cdrom: 'cdrom',
  floppy: 'floppy',
  force_floppy: 'floppy',
  bios: 'bios',
  force_bios: 'bios',
};

type FlagOption = [name: string, apply: (f: BootFlagsInput) => void, desc: string];
/** `options=` keywords, in ipmitool's order (its help lists them so). */
const BOOTDEV_OPTIONS: FlagOption[] = [
  ['valid', (f) => (f.valid = true), 'Boot flags valid'],
  ['persistent', (f) => (f.persistent = true), 'Changes are persistent for all future boots'],
  ['efiboot', (f) => (f.efi = true), 'Extensible Firmware Interface Boot (EFI)'],
  ['clear-cmos', (f) => (f.clearCmos = true), 'CMOS clear'],
  ['lockkbd', (f) => (f.lockKeyboard = true), 'Lock Keyboard'],
  ['screenblank', (f) => (f.screenBlank = true), 'Screen Blank'],
  ['lockoutreset', (f) => (f.lockResetButton = true), 'Lock out Reset buttons'],
  ['lockout_power', (f) => (f.lockPowerButton = true), 'Lock out (power off/sleep request) via Power Button'],
  ['verbose=default', (f) => (f.verbosity = 'default'), 'Request quiet BIOS display'],
  ['verbose=no', (f) => (f.verbosity = 'quiet'), 'Request quiet BIOS display'],
  ['verbose=yes', (f) => (f.verbosity = 'verbose'), 'Request verbose BIOS display'],
  ['force_pet', (f) => (f.forceProgressTraps = true), 'Force progress event traps'],
  ['upw_bypass', (f) => (f.passwordBypass = true), 'User password bypass'],
  ['lockout_sleep', (f) => (f.lockSleepButton = true), 'Lock out the Sleep button'],
  [
    'cons_redirect=default',
    (f) => (f.consoleRedirection = 'default'),
    'Console redirection occurs per BIOS configuration setting',
  ],
  [
    'cons_redirect=skip',
    (f) => (f.consoleRedirection = 'suppress'),
    'Suppress (skip) console redirection if enabled',
  ],
  [
    'cons_redirect=enable',
    (f) => (f.consoleRedirection = 'enable'),
    'Request console redirection be enabled',
  ],
];

export const BOOTDEV_USAGE = [
  'bootdev <device> [clear-cmos=yes|no]',
  'bootdev <device> [options=help,...]',
  '  none  : Do not change boot device order',
  '  pxe   : Force PXE boot',
  '  disk  : Force boot from default Hard-drive',
  '  safe  : Force boot from default Hard-drive, request Safe Mode',
  '  diag  : Force boot from Diagnostic Partition',
  '  cdrom : Force boot from CD/DVD',
  '  bios  : Force boot into BIOS Setup',
  '  floppy: Force boot from Floppy/primary removable media',
]
  .map((l) => l + '\n')
  .join('');

export type BootdevParse =
  { ok: true; device: BootDevice; flags: BootFlagsInput } | { ok: false; stderr: string };

/** Parses `bootdev <device> [clear-cmos=yes | options=a,b,...]` without touching the network. */
export function parseBootdev(args: readonly string[]): BootdevParse {
  const name = args[0];
  if (name === undefined || name === 'help') return { ok: false, stderr: BOOTDEV_USAGE };
  const flags: BootFlagsInput = { device: 'none' };
  const extra = args[1];
  const optstr =
    extra === 'clear-cmos=yes'
      ? 'clear-cmos'
      : extra?.startsWith('options=')
        ? extra.slice('options='.length)
        : undefined;
  if (optstr !== undefined) {
    let err = '';
    let bad = false;
    for (const token of optstr.split(',').filter(Boolean)) {
      if (token === 'help') {
        bad = true;
        break;
      }
      const op = BOOTDEV_OPTIONS.find(([n]) => n === token);
      if (op) op[1](flags);
      else {
        bad = true;
        err += `Invalid option: ${token}\n`;
      }
    }
    if (bad) {
      err += 'Legal options settings are:\n' + `  ${'help'.padEnd(22)}: print this message\n`;
      for (const [n, , d] of BOOTDEV_OPTIONS) err += `  ${n.padEnd(22)}: ${d}\n`;
      return { ok: false, stderr: err };
    }
  }
  const device = Object.hasOwn(DEVICES, name) ? DEVICES[name] : undefined;
  if (!device) return { ok: false, stderr: `Invalid argument: ${name}\n` };
  flags.device = device;
  return { ok: true, device, flags };
}

/** ipmitool's exit status here is quirky and kept: a refused boot-flags write still exits 0. */
async function writeBootFlags(ctx: CliContext, name: string, flags: BootFlagsInput): Promise<number> {
  const r = await ctx.session();
  try {
    await setBootFlags(r, flags);
  } catch (e) {
    const code = refusalCode(e);
    if (code === undefined) throw e;
    ctx.err(
      `Set Chassis Boot Parameter 5 failed: ${(SET_CC as Record<number, string>)[code] ?? ipmitoolCcText(code)}\n`,
    );
    return 0;
  }
  ctx.out(`Set Boot Device to ${name}\n`);
  return 0;
}

export async function runBootdev(ctx: CliContext, args: readonly string[]): Promise<number> {
  const p = parseBootdev(args);
  if (!p.ok) {
    ctx.err(p.stderr);
    return 1;
  }
  return writeBootFlags(ctx, args[0]!, p.flags);
}

// ---- bootparam ----------------------------------------------------------------------------------
const VALID_BIT_OPTIONS: [string, ValidBitEvent, string][] = [
  ['PEF', 'pef', 'Clear valid bit on reset/power cycle cause by PEF'],
  ['timeout', 'timeout', 'Automatically clear boot flag valid bit on timeout'],
  ['watchdog', 'watchdog', 'Clear valid bit on reset/power cycle cause by watchdog'],
  ['reset', 'reset', 'Clear valid bit on push button reset/soft reset'],
  ['power', 'power', 'Clear valid bit on power up via power push button or wake event'],
];

const VALID_BIT_HELP =
  ' Legal options are:\n' +
  `  ${'help'.padEnd(8)}: print this message\n` +
  VALID_BIT_OPTIONS.map(([n, , d]) => `  ${n.padEnd(8)}: ${d}\n`).join('') +
  ' Any Option may be prepended with no- to invert sense of operation\n\n';

export const BOOTPARAM_USAGE =
  'bootparam get <param #>\n' +
  'bootparam set bootflag <device> [options=...]\n' +
  ' Legal devices are:\n' +
  '  none        : No override\n' +
  '  force_pxe   : Force PXE boot\n' +
  '  force_disk  : Force boot from default Hard-drive\n' +
  '  force_safe  : Force boot from default Hard-drive, request Safe Mode\n' +
  '  force_diag  : Force boot from Diagnostic Partition\n' +
  '  force_cdrom : Force boot from CD/DVD\n' +
  '  force_bios  : Force boot into BIOS Setup\n' +
  VALID_BIT_HELP;

/**
 * `options=` of `bootparam set bootflag`: each name is an event on which the BMC is to clear the
 * valid bit again (its "don't clear" bit goes to 0). ipmitool's "no-" prefix test compares the whole token with "no-", so it never
 * matches; "no-timeout" is therefore reported as an invalid option, and so it is here.
 */
function parseValidBitOptions(arg: string): { change: Partial<ValidBitKeepFlags>; stderr: string } {
  if (!arg.startsWith('options=')) return { change: {}, stderr: `No options= keyword found "${arg}"\n` };
  const change: Partial<ValidBitKeepFlags> = {};
  let err = '';
  let bad = false;
  for (const token of arg.slice(8).split(',').filter(Boolean)) {
    if (token === 'help') {
      bad = true;
      break;
    }
    const op = VALID_BIT_OPTIONS.find(([n]) => n === token);
    // naming an event means "clear the valid bit on it": its "don't clear" bit goes to 0
    if (op) change[op[1]] = false;
    else {
      bad = true;
      err += `Invalid option: ${token}\n`;
    }
  }
  // like ipmitool, the events named before "help" (and around an invalid name) are still applied
  return { change, stderr: bad ? err + VALID_BIT_HELP : '' };
}

export async function runBootparam(ctx: CliContext, args: readonly string[]): Promise<number> {
  // args: everything after "bootparam"
  if (args.length < 2 || args[0] === 'help') {
    ctx.err(BOOTPARAM_USAGE);
    return 1;
  }
  if (args[0] === 'get') {
    const param = str2uchar(args[1]!);
    if (!param.ok) {
      ctx.err(`Invalid parameter '${args[1]}' given instead of bootparam.\n`);
      return 1;
    }
    let set = 0;
    if (args[2] !== undefined) {
      const s = str2uchar(args[2]);
      if (!s.ok) {
        ctx.err(`Invalid argument '${args[2]}' given to bootparam 0\n`);
        return 1;
      }
      set = s.value;
    }
    const id = param.value & 0x7f;
    const r = await ctx.session();
    const res = await orRefusal(
      ctx,
      `Get Chassis Boot Parameter ${id} failed`,
      () => getBootOption(r, id, set),
      GET_CC,
    );
    if (!('value' in res)) return 1;
    ctx.out(formatBootParameter(res.value));
    return 0;
  }
  if (args[0] === 'set') {
    if (args[1] === 'help' || args.length < 3 || args[1] !== 'bootflag') {
      ctx.err(BOOTPARAM_USAGE);
      return 1;
    }
    const p = parseBootdev([args[2]!]);
    let valid: Partial<ValidBitKeepFlags> | undefined;
    if (args.length === 4) {
      const v = parseValidBitOptions(args[3]!);
      // ipmitool prints the option error and still writes the device and the options it did recognise
      if (v.stderr) ctx.err(v.stderr);
      if (Object.keys(v.change).length > 0) valid = v.change;
    }
    if (!p.ok) {
      ctx.err(p.stderr);
      return 1;
    }
    const rc = await writeBootFlags(ctx, args[2]!, p.flags);
    if (valid) return writeValidBitClearing(ctx, valid);
    return rc;
  }
  ctx.err('bootparam get|set <option> [value ...]\n');
  return 1;
}

/** Parameter 3 through the command layer; ipmitool's texts for which step the BMC refused. */
async function writeValidBitClearing(ctx: CliContext, change: Partial<ValidBitKeepFlags>): Promise<number> {
  const r = await ctx.session();
  try {
    await updateValidBitClearing(r, change);
  } catch (e) {
    const code = refusalCode(e);
    if (code === undefined) throw e;
    const get = isIpmiError(e) && e.cmd === GET_SYSTEM_BOOT_OPTIONS.cmd;
    const text = ((get ? GET_CC : SET_CC) as Record<number, string>)[code] ?? ipmitoolCcText(code);
    if (get) {
      ctx.err(`Get Chassis Boot Parameter 3 failed: ${text}\nFailed to read boot valid flag\n`);
      return 1;
    }
    // ipmitool reports a refused write and still exits 0
    ctx.err(`Set Chassis Boot Parameter 3 failed: ${text}\n`);
  }
  return 0;
}
