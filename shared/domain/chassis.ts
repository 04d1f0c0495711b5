// The chassis family as plain data (IPMI v2.0 §28): status, restart cause, power-on hours, power-restore
// policy and boot options. Built in main by electron/views/chassis.ts; the CLI prints ipmitool's text from
// these, the renderer shows them. Codes are stable (the renderer translates them); `description` is the
// English text ipmitool prints, for logs and the CLI.
import { z } from 'zod';

export const powerState = z.enum(['on', 'off']);
export type PowerState = z.infer<typeof powerState>;

export const powerRestorePolicy = z.enum(['always-off', 'previous', 'always-on', 'unknown']);
export const settablePowerRestorePolicy = z.enum(['always-off', 'previous', 'always-on']);

/** Get Chassis Status "last power event" bits, in the order ipmitool lists them. */
export const LAST_POWER_EVENTS = ['ac-failed', 'overload', 'interlock', 'fault', 'command'] as const;
export const lastPowerEvent = z.enum(LAST_POWER_EVENTS);

export const frontPanelButtons = z.strictObject({
  sleepDisableAllowed: z.boolean(),
  diagDisableAllowed: z.boolean(),
  resetDisableAllowed: z.boolean(),
  powerDisableAllowed: z.boolean(),
  sleepDisabled: z.boolean(),
  diagDisabled: z.boolean(),
  resetDisabled: z.boolean(),
  powerDisabled: z.boolean(),
});

export const chassisStatus = z.strictObject({
  power: powerState,
  powerOverload: z.boolean(),
  powerInterlock: z.boolean(),
  mainPowerFault: z.boolean(),
  powerControlFault: z.boolean(),
  powerRestorePolicy,
  lastPowerEvent: z.array(lastPowerEvent),
  intrusion: z.boolean(),
  frontPanelLockout: z.boolean(),
  driveFault: z.boolean(),
  coolingFault: z.boolean(),
  identify: z.enum(['off', 'temporary', 'indefinite', 'unsupported']),
  /** the optional front-panel button byte; absent when the BMC leaves it out */
  frontPanel: frontPanelButtons.optional(),
});
export type ChassisStatus = z.infer<typeof chassisStatus>;

/** Get System Restart Cause (spec table 28-11); 'reserved' for codes 0x0C-0x0F. */
export const RESTART_CAUSES = [
  'unknown',
  'chassis-control',
  'reset-button',
  'power-button',
  'watchdog',
  'oem',
  'always-on-policy',
  'previous-policy',
  'pef-reset',
  'pef-power-cycle',
  'soft-reset',
  'rtc-wakeup',
  'reserved',
] as const;
export const restartCause = z.strictObject({
  cause: z.enum(RESTART_CAUSES),
  /** the 4-bit code as sent */
  code: z.number().int().min(0).max(15),
  /** the channel the restart was requested on, when the BMC says */
  channel: z.number().int().min(0).max(15).optional(),
  description: z.string(),
});
export type RestartCauseView = z.infer<typeof restartCause>;

export const powerOnHours = z.strictObject({
  minutesPerCount: z.number().int().min(0).max(255),
  count: z.number().int().min(0),
  /** count × minutesPerCount */
  minutes: z.number().int().min(0),
});
export type PowerOnHours = z.infer<typeof powerOnHours>;

export const supportedPolicies = z.strictObject({
  alwaysOff: z.boolean(),
  previous: z.boolean(),
  alwaysOn: z.boolean(),
});
export const powerPolicy = z.strictObject({
  current: powerRestorePolicy,
  supported: supportedPolicies,
});
export type PowerPolicyView = z.infer<typeof powerPolicy>;

/** Boot device selector names (boot flags byte 2 bits 5:2); 'reserved' for codes the spec reserves. */
export const BOOT_DEVICES = [
  'none',
  'pxe',
  'disk',
  'safe',
  'diag',
  'cdrom',
  'bios',
  'remote-floppy',
  'remote-cdrom',
  'remote-primary-media',
  'remote-disk',
  'floppy',
] as const;
export const bootDevice = z.enum(BOOT_DEVICES);
export type BootDeviceName = z.infer<typeof bootDevice>;

export const biosVerbosity = z.enum(['default', 'quiet', 'verbose']);
export const consoleRedirection = z.enum(['default', 'suppress', 'enable']);

/** Boot flag options a caller may set besides device, persistence and mode. */
export const bootFlagOptions = z.strictObject({
  clearCmos: z.boolean().optional(),
  lockKeyboard: z.boolean().optional(),
  screenBlank: z.boolean().optional(),
  lockResetButton: z.boolean().optional(),
  lockPowerButton: z.boolean().optional(),
  lockSleepButton: z.boolean().optional(),
  verbosity: biosVerbosity.optional(),
  forceProgressTraps: z.boolean().optional(),
  passwordBypass: z.boolean().optional(),
  consoleRedirection: consoleRedirection.optional(),
});

/**
 * Parameter 3, "boot flag valid bit clearing": each true means the BMC does NOT clear the boot-flags
 * valid bit on that event (the spec's "don't clear" bits), so the override survives it.
 */
export const VALID_BIT_EVENTS = ['pef', 'timeout', 'watchdog', 'reset', 'power'] as const;
export const validBitKeep = z.strictObject({
  pef: z.boolean(),
  timeout: z.boolean(),
  watchdog: z.boolean(),
  reset: z.boolean(),
  power: z.boolean(),
});
export type ValidBitKeep = z.infer<typeof validBitKeep>;

export const bootOptions = z.strictObject({
  /** the boot flags are valid: the override applies at the next boot(s) */
  valid: z.boolean(),
  persistence: z.enum(['once', 'persistent']),
  mode: z.enum(['legacy', 'efi']),
  device: z.union([bootDevice, z.literal('reserved')]),
  deviceCode: z.number().int().min(0).max(15),
  /** ipmitool's text for the device selector */
  deviceDescription: z.string(),
  flags: z.strictObject({
    clearCmos: z.boolean(),
    lockKeyboard: z.boolean(),
    screenBlank: z.boolean(),
    lockResetButton: z.boolean(),
    lockPowerButton: z.boolean(),
    lockSleepButton: z.boolean(),
    verbosity: z.union([biosVerbosity, z.literal('reserved')]),
    forceProgressTraps: z.boolean(),
    passwordBypass: z.boolean(),
    consoleRedirection: z.union([consoleRedirection, z.literal('reserved')]),
    sharedModeOverride: z.boolean(),
    /** 0 BIOS default, 1 force to BMC, 2 force to system, 3+ reserved */
    biosMux: z.number().int().min(0).max(7),
    deviceInstance: z.number().int().min(0).max(31),
  }),
  /** parameter 3; absent when the BMC does not support it */
  keepValidBitOn: validBitKeep.optional(),
  /** parameter 5's data bytes, hex */
  raw: z.string(),
});
export type BootOptionsView = z.infer<typeof bootOptions>;

export const chassisControlAction = z.enum(['on', 'off', 'cycle', 'reset', 'soft', 'diag']);
export type ChassisControlName = z.infer<typeof chassisControlAction>;
