// `ipmitool chassis ...` / `ipmitool power ...` text, line for line as ipmitool 1.8.19 prints it
// (lib/ipmi_chassis.c, lib/ipmi_strings.c). Pure functions; every line ends in "\n".
import type { ChassisControlAction } from '../../ipmi/commands/chassis/chassis-control';
import type { IdentifyRequest } from '../../ipmi/commands/chassis/chassis-identify';
import type {
  SettablePowerRestorePolicy,
  SupportedPolicies,
} from '../../ipmi/commands/chassis/set-power-restore-policy';
import type { BootOption } from '../../ipmi/commands/chassis/system-boot-options';
import { decodeBootFlags } from '../../ipmi/commands/chassis/boot-flags';
import { decodeValidBitClearing } from '../../ipmi/commands/chassis/boot-valid-bit-clearing';
import { bootFlagsView } from '../../views/chassis';
import type {
  BootOptionsView,
  ChassisStatus,
  PowerOnHours,
  RestartCauseView,
} from '../../../shared/domain/chassis';

export const POWER_CONTROL_TEXT: Record<ChassisControlAction, string> = {
  'power-down': 'Down/Off',
  'power-up': 'Up/On',
  'power-cycle': 'Cycle',
  'hard-reset': 'Reset',
  'diag-interrupt': 'Diag',
  'soft-shutdown': 'Soft',
};

export const formatPowerStatus = (on: boolean) => `Chassis Power is ${on ? 'on' : 'off'}\n`;
export const formatPowerControl = (a: ChassisControlAction) =>
  `Chassis Power Control: ${POWER_CONTROL_TEXT[a]}\n`;

/** Prints the chassis status view (electron/views/chassis.ts) as `ipmitool chassis status` does. */
export function formatChassisStatus(s: ChassisStatus): string {
  const yes = (v: boolean, t: string, f: string) => (v ? t : f);
  // ipmitool prints each event followed by a space, except the last in its list ("command")
  const events = s.lastPowerEvent.map((e) => (e === 'command' ? e : e + ' ')).join('');
  const lines = [
    `System Power         : ${s.power}`,
    `Power Overload       : ${yes(s.powerOverload, 'true', 'false')}`,
    `Power Interlock      : ${yes(s.powerInterlock, 'active', 'inactive')}`,
    `Main Power Fault     : ${yes(s.mainPowerFault, 'true', 'false')}`,
    `Power Control Fault  : ${yes(s.powerControlFault, 'true', 'false')}`,
    `Power Restore Policy : ${s.powerRestorePolicy}`,
    `Last Power Event     : ${events}`,
    `Chassis Intrusion    : ${yes(s.intrusion, 'active', 'inactive')}`,
    `Front-Panel Lockout  : ${yes(s.frontPanelLockout, 'active', 'inactive')}`,
    `Drive Fault          : ${yes(s.driveFault, 'true', 'false')}`,
    `Cooling/Fan Fault    : ${yes(s.coolingFault, 'true', 'false')}`,
  ];
  const fp = s.frontPanel;
  if (fp) {
    if (Object.values(fp).every((v) => !v)) lines.push('Front Panel Control  : none');
    else {
      const allowed = (v: boolean) => yes(v, 'allowed', 'not allowed');
      const tf = (v: boolean) => yes(v, 'true', 'false');
      lines.push(
        `Sleep Button Disable : ${allowed(fp.sleepDisableAllowed)}`,
        `Diag Button Disable  : ${allowed(fp.diagDisableAllowed)}`,
        `Reset Button Disable : ${allowed(fp.resetDisableAllowed)}`,
        `Power Button Disable : ${allowed(fp.powerDisableAllowed)}`,
        `Sleep Button Disabled: ${tf(fp.sleepDisabled)}`,
        `Diag Button Disabled : ${tf(fp.diagDisabled)}`,
        `Reset Button Disabled: ${tf(fp.resetDisabled)}`,
        `Power Button Disabled: ${tf(fp.powerDisabled)}`,
      );
    }
  }
  return lines.map((l) => l + '\n').join('');
}

export function formatIdentify(req: IdentifyRequest): string {
  const what =
    req.kind === 'default'
      ? 'default (15 seconds)'
      : req.kind === 'force-on'
        ? 'indefinite'
        : req.seconds === 0
          ? 'off'
          : `${req.seconds} seconds`;
  return `Chassis identify interval: ${what}\n`;
}

/** ipmitool computes this in single-precision floats; emulated step by step so large counters match. */
export function formatPoh(p: PowerOnHours): string {
  const f = Math.fround;
  let minutes = f(f(p.count) * p.minutesPerCount);
  const days = Math.trunc(f(minutes / 1440)) >>> 0;
  minutes = f(minutes - f(f(days) * 1440));
  const hours = Math.trunc(f(minutes / 60)) >>> 0;
  minutes = f(minutes - f((hours * 60) >>> 0));
  const i32 = (n: number) => n | 0;
  if (p.minutesPerCount < 60)
    return `POH Counter  : ${i32(days)} days, ${i32(hours)} hours, ${Math.trunc(minutes)} minutes\n`;
  return `POH Counter  : ${i32(days)} days, ${i32(hours)} hours\n`;
}

export const formatRestartCause = (c: RestartCauseView) => `System restart cause: ${c.description}\n`;

export function formatSupportedPolicies(s: SupportedPolicies): string {
  return `Supported chassis power policy:  ${s.alwaysOff ? 'always-off ' : ''}${s.alwaysOn ? 'always-on ' : ''}${s.previous ? 'previous' : ''}\n`;
}

export const formatPolicySet = (p: SettablePowerRestorePolicy) =>
  `Set chassis power restore policy to ${p}\n`;

function formatBootFlags(v: BootOptionsView): string[] {
  const f = v.flags;
  const out = [' Boot Flags :'];
  out.push(v.valid ? '   - Boot Flag Valid' : '   - Boot Flag Invalid');
  out.push(
    v.persistence === 'persistent'
      ? '   - Options apply to all future boots'
      : '   - Options apply to only next boot',
  );
  out.push(v.mode === 'efi' ? '   - BIOS EFI boot ' : '   - BIOS PC Compatible (legacy) boot ');
  if (f.clearCmos) out.push('   - CMOS Clear');
  if (f.lockKeyboard) out.push('   - Lock Keyboard');
  out.push(`   - Boot Device Selector : ${v.deviceDescription}`);
  if (f.screenBlank) out.push('   - Screen blank');
  if (f.lockResetButton) out.push('   - Lock out Reset buttons');
  if (f.lockPowerButton) out.push('   - Lock out (power off/sleep request) via Power Button');
  const verbosity = {
    default: 'System Default',
    quiet: 'Request Quiet Display',
    verbose: 'Request Verbose Display',
    reserved: 'Flag error',
  };
  out.push(`   - BIOS verbosity : ${verbosity[f.verbosity]}`);
  if (f.forceProgressTraps) out.push('   - Force progress event traps');
  if (f.passwordBypass) out.push('   - User password bypass');
  if (f.lockSleepButton) out.push('   - Lock Out Sleep Button');
  const redirection = {
    default: 'Console redirection occurs per BIOS configuration setting (default)',
    suppress: 'Suppress (skip) console redirection if enabled',
    enable: 'Request console redirection be enabled',
    reserved: 'Flag error',
  };
  out.push(`   - Console Redirection control : ${redirection[f.consoleRedirection]}`);
  if (f.sharedModeOverride) out.push('   - BIOS Shared Mode Override');
  const mux = [
    'BIOS uses recommended setting of the mux at the end of POST',
    'Requests BIOS to force mux to BMC at conclusion of POST/start of OS boot',
    'Requests BIOS to force mux to system at conclusion of POST/start of OS boot',
  ];
  out.push(`   - BIOS Mux Control Override : ${mux[f.biosMux] ?? 'Flag error'}`);
  return out;
}

/** Parameters 0-5 are decoded as ipmitool does; others get the generic lines and ipmitool's
 *  "Unsupported parameter" line (ipmitool decodes 6 and 7 too - see the CLI notes). */
export function formatBootParameter(p: BootOption): string {
  const lines = [
    `Boot parameter version: ${p.version}`,
    `Boot parameter ${p.parameter} is ${p.invalid ? 'invalid/locked' : 'valid/unlocked'}`,
    `Boot parameter data: ${p.data.toString('hex')}`,
  ];
  const d = p.data;
  const b0 = d[0] ?? 0;
  switch (p.parameter) {
    case 0:
      lines.push(
        ` Set In Progress : ${['set complete', 'set in progress', 'commit write', 'error, reserved bit'][b0 & 3]}`,
      );
      break;
    case 1:
      lines.push(` Service Partition Selector : ${b0 === 0 ? 'unspecified' : String(b0)}`);
      break;
    case 2:
      lines.push(' Service Partition Scan :');
      if ((b0 & 3) === 0) lines.push('     No flag set');
      else {
        if (b0 & 1) lines.push('     - Request BIOS to scan');
        if (b0 & 2) lines.push('     - Service Partition Discovered');
      }
      break;
    case 3: {
      lines.push(' BMC boot flag valid bit clearing :');
      // a reply without the data byte prints as ipmitool prints a zero byte
      const keep = decodeValidBitClearing(d.length > 0 ? d : Uint8Array.of(0));
      const texts: [keyof typeof keep, string][] = [
        ['pef', "     - Don't clear valid bit on reset/power cycle cause by PEF"],
        ['timeout', "     - Don't automatically clear boot flag valid bit on timeout"],
        ['watchdog', "     - Don't clear valid bit on reset/power cycle cause by watchdog"],
        ['reset', "     - Don't clear valid bit on push button reset // soft reset"],
        ['power', "     - Don't clear valid bit on power up via power push button or wake event"],
      ];
      const kept = texts.filter(([k]) => keep[k]);
      if (kept.length === 0) lines.push('     No flag set');
      else lines.push(...kept.map(([, t]) => t));
      break;
    }
    case 4: {
      lines.push(' Boot Info Acknowledge :');
      const b1 = d[1] ?? 0;
      const texts: [number, string][] = [
        [0x10, '    - OEM has handled boot info'],
        [0x08, '    - SMS has handled boot info'],
        [0x04, '    - OS // service partition has handled boot info'],
        [0x02, '    - OS Loader has handled boot info'],
        [0x01, '    - BIOS/POST has handled boot info'],
      ];
      if ((b1 & 0x1f) === 0) lines.push('     No flag set');
      else for (const [m, t] of texts) if (b1 & m) lines.push(t);
      break;
    }
    case 5:
      lines.push(...formatBootFlags(bootFlagsView(decodeBootFlags(d), d)));
      break;
    default:
      lines.push(` Unsupported parameter ${p.parameter}`);
  }
  return lines.map((l) => l + '\n').join('');
}
