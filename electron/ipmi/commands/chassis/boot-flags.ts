// System boot option parameter 5, "boot flags" (IPMI v2.0 table 28-14): five data bytes.
//   1: [7] flags valid  [6] persistent (else next boot only)  [5] EFI (else PC-compatible / legacy)
//   2: [7] clear CMOS  [6] lock keyboard  [5:2] boot device  [1] screen blank  [0] lock reset button
//   3: [7] lock power button  [6:5] BIOS verbosity  [4] force progress traps  [3] password bypass
//      [2] lock sleep button  [1:0] console redirection
//   4: [3] BIOS shared-mode override  [2:0] BIOS mux control override
//   5: [4:0] device instance selector
import { argumentError } from '../../errors';
import { requireLength } from '../command-spec';
import { GET_SYSTEM_BOOT_OPTIONS, SET_SYSTEM_BOOT_OPTIONS } from './system-boot-options';

export const BOOT_DEVICE_CODES = {
  none: 0x0,
  pxe: 0x1,
  disk: 0x2,
  safe: 0x3,
  diag: 0x4,
  cdrom: 0x5,
  bios: 0x6,
  'remote-floppy': 0x7,
  'remote-cdrom': 0x8,
  'remote-primary-media': 0x9,
  'remote-disk': 0xb,
  floppy: 0xf,
} as const;
export type BootDevice = keyof typeof BOOT_DEVICE_CODES;

export type BiosVerbosity = 'default' | 'quiet' | 'verbose' | 'reserved';
const VERBOSITY: readonly BiosVerbosity[] = ['default', 'quiet', 'verbose', 'reserved'];
export type ConsoleRedirection = 'default' | 'suppress' | 'enable' | 'reserved';
const REDIRECTION: readonly ConsoleRedirection[] = ['default', 'suppress', 'enable', 'reserved'];

export interface BootFlags {
  valid: boolean;
  persistent: boolean;
  efi: boolean;
  clearCmos: boolean;
  lockKeyboard: boolean;
  /** undefined when the device code is one the spec reserves */
  device: BootDevice | undefined;
  deviceCode: number;
  screenBlank: boolean;
  lockResetButton: boolean;
  lockPowerButton: boolean;
  verbosity: BiosVerbosity;
  forceProgressTraps: boolean;
  passwordBypass: boolean;
  lockSleepButton: boolean;
  consoleRedirection: ConsoleRedirection;
  sharedModeOverride: boolean;
  /** 0 BIOS default, 1 force to BMC, 2 force to system */
  biosMux: number;
  deviceInstance: number;
}

/** What a caller sets; anything left out is 0 on the wire. */
export type BootFlagsInput = Partial<Omit<BootFlags, 'deviceCode'>> & { device: BootDevice };

const bit = (b: number, n: number) => (b & (1 << n)) !== 0;
const DEVICE_BY_CODE = new Map<number, BootDevice>(
  Object.entries(BOOT_DEVICE_CODES).map(([k, v]) => [v, k as BootDevice]),
);

export function decodeBootFlags(value: Uint8Array, host = ''): BootFlags {
  requireLength(value, 5, GET_SYSTEM_BOOT_OPTIONS, host);
  const [b1, b2, b3, b4, b5] = [value[0]!, value[1]!, value[2]!, value[3]!, value[4]!];
  const deviceCode = (b2 >> 2) & 0x0f;
  return {
    valid: bit(b1, 7),
    persistent: bit(b1, 6),
    efi: bit(b1, 5),
    clearCmos: bit(b2, 7),
    lockKeyboard: bit(b2, 6),
    device: DEVICE_BY_CODE.get(deviceCode),
    deviceCode,
    screenBlank: bit(b2, 1),
    lockResetButton: bit(b2, 0),
    lockPowerButton: bit(b3, 7),
    verbosity: VERBOSITY[(b3 >> 5) & 3]!,
    forceProgressTraps: bit(b3, 4),
    passwordBypass: bit(b3, 3),
    lockSleepButton: bit(b3, 2),
    consoleRedirection: REDIRECTION[b3 & 3]!,
    sharedModeOverride: bit(b4, 3),
    biosMux: b4 & 7,
    deviceInstance: b5 & 0x1f,
  };
}

export function encodeBootFlags(f: BootFlagsInput): Uint8Array {
  const fail = (m: string) => argumentError(m, { command: SET_SYSTEM_BOOT_OPTIONS.name });
  if (!Object.hasOwn(BOOT_DEVICE_CODES, f.device)) throw fail(`unknown boot device: ${String(f.device)}`);
  const verbosity = VERBOSITY.indexOf(f.verbosity ?? 'default');
  const redirection = REDIRECTION.indexOf(f.consoleRedirection ?? 'default');
  if (verbosity < 0 || verbosity > 2) throw fail(`unknown BIOS verbosity: ${String(f.verbosity)}`);
  if (redirection < 0 || redirection > 2)
    throw fail(`unknown console redirection: ${String(f.consoleRedirection)}`);
  const mux = f.biosMux ?? 0;
  if (!Number.isInteger(mux) || mux < 0 || mux > 2) throw fail(`BIOS mux override must be 0..2, got ${mux}`);
  const instance = f.deviceInstance ?? 0;
  if (!Number.isInteger(instance) || instance < 0 || instance > 0x1f)
    throw fail(`device instance must be 0..31, got ${instance}`);
  const on = (v: boolean | undefined, n: number) => (v ? 1 << n : 0);
  return Uint8Array.of(
    on(f.valid, 7) | on(f.persistent, 6) | on(f.efi, 5),
    on(f.clearCmos, 7) |
      on(f.lockKeyboard, 6) |
      (BOOT_DEVICE_CODES[f.device] << 2) |
      on(f.screenBlank, 1) |
      on(f.lockResetButton, 0),
    on(f.lockPowerButton, 7) |
      (verbosity << 5) |
      on(f.forceProgressTraps, 4) |
      on(f.passwordBypass, 3) |
      on(f.lockSleepButton, 2) |
      redirection,
    on(f.sharedModeOverride, 3) | mux,
    instance,
  );
}
