// Literal i18n keys for the chassis view's codes (keys.test.ts finds keys by their literal text, so each
// code maps to its key here rather than being spliced into a template).
import type {
  BootDeviceName,
  ChassisControlName,
  ChassisStatus,
  PowerPolicyView,
  RestartCauseView,
} from '../../../../../shared/domain/chassis';

/** The actions the tab offers (the diagnostic interrupt is left out: it is a debugging tool, not power). */
export type PowerAction = Exclude<ChassisControlName, 'diag'>;
export const POWER_ACTIONS: readonly PowerAction[] = ['on', 'soft', 'off', 'cycle', 'reset'];
/** Actions that cut a running OS off without asking it: confirmed as dangerous. */
export const DESTRUCTIVE: ReadonlySet<PowerAction> = new Set(['off', 'cycle', 'reset']);

export const ACTION_LABEL: Record<PowerAction, string> = {
  on: 'power.action.on',
  off: 'power.action.off',
  cycle: 'power.action.cycle',
  reset: 'power.action.reset',
  soft: 'power.action.soft',
};
export const ACTION_CONSEQUENCE: Record<PowerAction, string> = {
  on: 'power.confirm.on',
  off: 'power.confirm.off',
  cycle: 'power.confirm.cycle',
  reset: 'power.confirm.reset',
  soft: 'power.confirm.soft',
};

export const LAST_EVENT_LABEL: Record<ChassisStatus['lastPowerEvent'][number], string> = {
  'ac-failed': 'power.lastEvent.ac-failed',
  overload: 'power.lastEvent.overload',
  interlock: 'power.lastEvent.interlock',
  fault: 'power.lastEvent.fault',
  command: 'power.lastEvent.command',
};

export const FAULT_LABEL = {
  powerOverload: 'power.fault.powerOverload',
  powerInterlock: 'power.fault.powerInterlock',
  mainPowerFault: 'power.fault.mainPowerFault',
  powerControlFault: 'power.fault.powerControlFault',
  driveFault: 'power.fault.driveFault',
  coolingFault: 'power.fault.coolingFault',
  intrusion: 'power.fault.intrusion',
} as const satisfies Partial<Record<keyof ChassisStatus, string>>;

export const CAUSE_LABEL: Record<RestartCauseView['cause'], string> = {
  unknown: 'power.cause.unknown',
  'chassis-control': 'power.cause.chassis-control',
  'reset-button': 'power.cause.reset-button',
  'power-button': 'power.cause.power-button',
  watchdog: 'power.cause.watchdog',
  oem: 'power.cause.oem',
  'always-on-policy': 'power.cause.always-on-policy',
  'previous-policy': 'power.cause.previous-policy',
  'pef-reset': 'power.cause.pef-reset',
  'pef-power-cycle': 'power.cause.pef-power-cycle',
  'soft-reset': 'power.cause.soft-reset',
  'rtc-wakeup': 'power.cause.rtc-wakeup',
  reserved: 'power.cause.reserved',
};

export type Policy = PowerPolicyView['current'];
export type SettablePolicy = Exclude<Policy, 'unknown'>;
export const SETTABLE_POLICIES: readonly SettablePolicy[] = ['always-on', 'previous', 'always-off'];
export const POLICY_LABEL: Record<Policy, string> = {
  'always-on': 'power.policy.value.always-on',
  previous: 'power.policy.value.previous',
  'always-off': 'power.policy.value.always-off',
  unknown: 'power.policy.value.unknown',
};
export const POLICY_SUPPORT_FIELD: Record<SettablePolicy, keyof PowerPolicyView['supported']> = {
  'always-on': 'alwaysOn',
  previous: 'previous',
  'always-off': 'alwaysOff',
};

/** The devices offered as an override ('none' is what "Clear override" is for). */
export const BOOT_CHOICES: readonly Exclude<BootDeviceName, 'none'>[] = [
  'pxe',
  'disk',
  'safe',
  'diag',
  'cdrom',
  'bios',
  'floppy',
  'remote-floppy',
  'remote-cdrom',
  'remote-primary-media',
  'remote-disk',
];
export const DEVICE_LABEL: Record<BootDeviceName | 'reserved', string> = {
  none: 'power.boot.devices.none',
  pxe: 'power.boot.devices.pxe',
  disk: 'power.boot.devices.disk',
  safe: 'power.boot.devices.safe',
  diag: 'power.boot.devices.diag',
  cdrom: 'power.boot.devices.cdrom',
  bios: 'power.boot.devices.bios',
  'remote-floppy': 'power.boot.devices.remote-floppy',
  'remote-cdrom': 'power.boot.devices.remote-cdrom',
  'remote-primary-media': 'power.boot.devices.remote-primary-media',
  'remote-disk': 'power.boot.devices.remote-disk',
  floppy: 'power.boot.devices.floppy',
  reserved: 'power.boot.devices.reserved',
};
export const PERSISTENCE_LABEL = { once: 'power.boot.once', persistent: 'power.boot.persistent' } as const;
export const MODE_LABEL = { legacy: 'power.boot.legacy', efi: 'power.boot.efi' } as const;

export const IDENTIFY_STATE_LABEL: Record<ChassisStatus['identify'], string> = {
  off: 'power.identify.states.off',
  temporary: 'power.identify.states.temporary',
  indefinite: 'power.identify.states.indefinite',
  unsupported: 'power.identify.states.unsupported',
};

/** Why a verified write did not stick (ErrorData.reasons from the main process's read-back). */
export const REASON_LABEL: Record<string, string> = {
  'policy-differs': 'power.reason.policy-differs',
  'boot-flags-not-valid': 'power.reason.boot-flags-not-valid',
  'boot-device-differs': 'power.reason.boot-device-differs',
  'persistence-differs': 'power.reason.persistence-differs',
  'boot-mode-differs': 'power.reason.boot-mode-differs',
  'valid-bit-clearing-differs': 'power.reason.valid-bit-clearing-differs',
  'boot-flags-still-valid': 'power.reason.boot-flags-still-valid',
};
