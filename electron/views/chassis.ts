// Chassis views (shared/domain/chassis.ts) from the chassis command modules: status, restart cause,
// power-on hours, power-restore policy, boot options. The texts ipmitool prints for restart causes and
// boot devices live here, once; the CLI prints these views and the IPC handlers return them.
import type { Requester } from '../ipmi/client/requester';
import { argumentError, IpmiError, isIpmiError } from '../ipmi/errors';
import { chassisControl, type ChassisControlAction } from '../ipmi/commands/chassis/chassis-control';
import { chassisIdentify, type IdentifyRequest } from '../ipmi/commands/chassis/chassis-identify';
import { clearBootFlags, setBootFlags } from '../ipmi/commands/chassis/set-boot-device';
import {
  getChassisStatus,
  type ChassisStatus as DecodedStatus,
} from '../ipmi/commands/chassis/get-chassis-status';
import {
  getSystemRestartCause,
  type SystemRestartCause,
} from '../ipmi/commands/chassis/get-system-restart-cause';
import { getPohCounter } from '../ipmi/commands/chassis/get-poh-counter';
import {
  getSupportedPowerRestorePolicies,
  setPowerRestorePolicy,
  type SettablePowerRestorePolicy,
} from '../ipmi/commands/chassis/set-power-restore-policy';
import { decodeBootFlags, type BootFlags, type BootFlagsInput } from '../ipmi/commands/chassis/boot-flags';
import { BOOT_PARAM, getBootOption } from '../ipmi/commands/chassis/system-boot-options';
import {
  decodeValidBitClearing,
  updateValidBitClearing,
  type ValidBitKeepFlags,
} from '../ipmi/commands/chassis/boot-valid-bit-clearing';
import type {
  BootDeviceName,
  BootOptionsView,
  ChassisControlName,
  ChassisStatus,
  PowerOnHours,
  PowerPolicyView,
  RestartCauseView,
} from '../../shared/domain/chassis';
import { LAST_POWER_EVENTS } from '../../shared/domain/chassis';
import { withOptions, type ViewOptions } from './requester-options';

export function chassisStatusView(c: DecodedStatus): ChassisStatus {
  const ev = c.lastPowerEvent;
  const on = [ev.acFailed, ev.overload, ev.interlock, ev.powerFault, ev.powerOnByCommand];
  const view: ChassisStatus = {
    power: c.powerOn ? 'on' : 'off',
    powerOverload: c.powerOverload,
    powerInterlock: c.interlockActive,
    mainPowerFault: c.mainPowerFault,
    powerControlFault: c.powerControlFault,
    powerRestorePolicy: c.restorePolicy,
    lastPowerEvent: LAST_POWER_EVENTS.filter((_, i) => on[i]),
    intrusion: c.intrusionActive,
    frontPanelLockout: c.frontPanelLockout,
    driveFault: c.driveFault,
    coolingFault: c.coolingFault,
    identify: c.identifySupported && c.identifyState !== 'reserved' ? c.identifyState : 'unsupported',
  };
  if (c.frontPanel) view.frontPanel = { ...c.frontPanel };
  return view;
}

export async function readChassisStatusView(r: Requester, opts?: ViewOptions): Promise<ChassisStatus> {
  return chassisStatusView(await getChassisStatus(withOptions(r, opts)));
}

/** ipmitool's texts (lib/ipmi_chassis.c ipmi_chassis_restart_cause), by code. */
const RESTART_CAUSE_TEXT = [
  'unknown',
  'chassis power control command',
  'reset via pushbutton',
  'power-up via pushbutton',
  'watchdog expired',
  'OEM',
  'power-up due to always-restore power policy',
  'power-up due to restore-previous power policy',
  'reset via PEF',
  'power-cycle via PEF',
  'soft reset',
  'power-up via RTC wakeup',
];

export function restartCauseView(c: SystemRestartCause): RestartCauseView {
  const code = c.code & 0x0f;
  const view: RestartCauseView = {
    cause: c.cause,
    code,
    // ipmitool's "Unknown (0x0D)" for reserved codes
    description:
      RESTART_CAUSE_TEXT[code] ?? `Unknown (0x${code.toString(16).toUpperCase().padStart(2, '0')})`,
  };
  if (c.channel !== undefined) view.channel = c.channel;
  return view;
}

export async function readRestartCauseView(r: Requester, opts?: ViewOptions): Promise<RestartCauseView> {
  return restartCauseView(await getSystemRestartCause(withOptions(r, opts)));
}

export async function readPowerOnHoursView(r: Requester, opts?: ViewOptions): Promise<PowerOnHours> {
  const p = await getPohCounter(withOptions(r, opts));
  return { minutesPerCount: p.minutesPerCount, count: p.count, minutes: p.minutes };
}

/** The current policy (Get Chassis Status) and what the BMC supports (a "no change" Set Power Restore Policy). */
export async function readPowerPolicyView(r: Requester, opts?: ViewOptions): Promise<PowerPolicyView> {
  const q = withOptions(r, opts);
  const [status, supported] = await Promise.all([getChassisStatus(q), getSupportedPowerRestorePolicies(q)]);
  return { current: status.restorePolicy, supported: { ...supported } };
}

/** ipmitool's texts for the boot device selector (lib/ipmi_chassis.c, parameter 5). */
export const BOOT_DEVICE_TEXT: Readonly<Record<number, string>> = {
  0x0: 'No override',
  0x1: 'Force PXE',
  0x2: 'Force Boot from default Hard-Drive',
  0x3: 'Force Boot from default Hard-Drive, request Safe-Mode',
  0x4: 'Force Boot from Diagnostic Partition',
  0x5: 'Force Boot from CD/DVD',
  0x6: 'Force Boot into BIOS Setup',
  0x7: 'Force Boot from remotely connected Floppy/primary removable media',
  0x8: 'Force Boot from remotely connected CD/DVD',
  0x9: 'Force Boot from primary remote media',
  0xb: 'Force Boot from remotely connected Hard-Drive',
  0xf: 'Force Boot from Floppy/primary removable media',
};

export function bootFlagsView(f: BootFlags, raw: Uint8Array): BootOptionsView {
  return {
    valid: f.valid,
    persistence: f.persistent ? 'persistent' : 'once',
    mode: f.efi ? 'efi' : 'legacy',
    device: f.device ?? 'reserved',
    deviceCode: f.deviceCode,
    deviceDescription: BOOT_DEVICE_TEXT[f.deviceCode] ?? 'Flag error',
    flags: {
      clearCmos: f.clearCmos,
      lockKeyboard: f.lockKeyboard,
      screenBlank: f.screenBlank,
      lockResetButton: f.lockResetButton,
      lockPowerButton: f.lockPowerButton,
      lockSleepButton: f.lockSleepButton,
      verbosity: f.verbosity,
      forceProgressTraps: f.forceProgressTraps,
      passwordBypass: f.passwordBypass,
      consoleRedirection: f.consoleRedirection,
      sharedModeOverride: f.sharedModeOverride,
      biosMux: f.biosMux,
      deviceInstance: f.deviceInstance,
    },
    raw: Buffer.from(raw.subarray(0, 5)).toString('hex'),
  };
}

/** A BMC that lacks a parameter refuses it (0x80 or similar): that part of the view is left out. */
async function optional<T>(p: Promise<T>): Promise<T | undefined> {
  try {
    return await p;
  } catch (e) {
    if (isIpmiError(e) && (e.kind === 'completion-code' || e.kind === 'privilege')) return undefined;
    throw e;
  }
}

/** Boot flags (parameter 5) and, where the BMC has it, valid-bit clearing (parameter 3). */
export async function readBootOptionsView(r: Requester, opts?: ViewOptions): Promise<BootOptionsView> {
  const q = withOptions(r, opts);
  const [flags, clearing] = await Promise.all([
    getBootOption(q, BOOT_PARAM.bootFlags),
    optional(getBootOption(q, BOOT_PARAM.bootFlagValidBitClearing)),
  ]);
  const view = bootFlagsView(decodeBootFlags(flags.data, r.host), flags.data);
  if (clearing && clearing.data.length >= 1) view.keepValidBitOn = decodeValidBitClearing(clearing.data);
  return view;
}

// ---- writes, each answering with what it reads back ----------------------------------------------

const CONTROL_ACTION: Record<ChassisControlName, ChassisControlAction> = {
  on: 'power-up',
  off: 'power-down',
  cycle: 'power-cycle',
  reset: 'hard-reset',
  soft: 'soft-shutdown',
  diag: 'diag-interrupt',
};

export async function chassisControlByName(
  r: Requester,
  action: ChassisControlName,
  opts?: ViewOptions,
): Promise<{ action: ChassisControlName }> {
  await chassisControl(withOptions(r, opts), CONTROL_ACTION[action]);
  return { action };
}

export type IdentifyResult = 'default' | 'interval' | 'off' | 'indefinite';

export async function identifyChassis(
  r: Requester,
  req: { seconds?: number | undefined; force?: boolean | undefined },
  opts?: ViewOptions,
): Promise<{ identify: IdentifyResult }> {
  if (req.force && req.seconds !== undefined)
    throw argumentError('identify: give either seconds or force, not both (field seconds)');
  const ir: IdentifyRequest = req.force
    ? { kind: 'force-on' }
    : req.seconds === undefined
      ? { kind: 'default' }
      : { kind: 'interval', seconds: req.seconds };
  await chassisIdentify(withOptions(r, opts), ir);
  const identify: IdentifyResult =
    ir.kind === 'force-on'
      ? 'indefinite'
      : ir.kind === 'default'
        ? 'default'
        : ir.seconds === 0
          ? 'off'
          : 'interval';
  return { identify };
}

export async function setPowerPolicyView(
  r: Requester,
  policy: SettablePowerRestorePolicy,
  opts?: ViewOptions,
): Promise<PowerPolicyView> {
  await setPowerRestorePolicy(withOptions(r, opts), policy);
  const view = await readPowerPolicyView(r, opts);
  if (view.current !== policy)
    throw new IpmiError(
      'verify-failed',
      `${r.host}: power restore policy reads back ${view.current}, not ${policy}`,
      {
        host: r.host,
        command: 'Set Power Restore Policy',
        reasons: ['policy-differs'],
      },
    );
  return view;
}

export interface BootSetRequest {
  device: BootDeviceName;
  persistent?: boolean | undefined;
  efi?: boolean | undefined;
  flags?: { [K in keyof Omit<BootFlagsInput, 'device'>]?: BootFlagsInput[K] | undefined };
  keepValidBitOn?: Partial<ValidBitKeepFlags> | undefined;
}

/** Writes the override the way ipmitool does (set-boot-device.ts), then reads it back and compares. */
export async function setBootOptionsView(
  r: Requester,
  req: BootSetRequest,
  opts?: ViewOptions,
): Promise<BootOptionsView> {
  const q = withOptions(r, opts);
  const input: BootFlagsInput = { ...stripUndefined(req.flags ?? {}), device: req.device };
  if (req.persistent !== undefined) input.persistent = req.persistent;
  if (req.efi !== undefined) input.efi = req.efi;
  await setBootFlags(q, input);
  const keep = stripUndefined(req.keepValidBitOn ?? {});
  if (Object.keys(keep).length > 0) await updateValidBitClearing(q, keep);
  const view = await readBootOptionsView(r, opts);
  const wrong: string[] = [];
  if (!view.valid) wrong.push('boot-flags-not-valid');
  if (view.device !== req.device) wrong.push('boot-device-differs');
  if ((view.persistence === 'persistent') !== (req.persistent ?? false)) wrong.push('persistence-differs');
  if ((view.mode === 'efi') !== (req.efi ?? false)) wrong.push('boot-mode-differs');
  for (const [k, v] of Object.entries(keep))
    if (view.keepValidBitOn && view.keepValidBitOn[k as keyof ValidBitKeepFlags] !== v)
      wrong.push('valid-bit-clearing-differs');
  if (wrong.length > 0)
    throw new IpmiError('verify-failed', `${r.host}: boot options read back differ (${wrong.join(', ')})`, {
      host: r.host,
      command: 'Set System Boot Options',
      reasons: [...new Set(wrong)],
    });
  return view;
}

export async function clearBootOptionsView(r: Requester, opts?: ViewOptions): Promise<BootOptionsView> {
  await clearBootFlags(withOptions(r, opts));
  const view = await readBootOptionsView(r, opts);
  if (view.valid)
    throw new IpmiError('verify-failed', `${r.host}: boot flags still read valid after clearing`, {
      host: r.host,
      command: 'Set System Boot Options',
      reasons: ['boot-flags-still-valid'],
    });
  return view;
}

function stripUndefined<T extends object>(o: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as never;
}
