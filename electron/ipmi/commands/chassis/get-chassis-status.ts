// Get Chassis Status (IPMI v2.0 §28.2, NetFn Chassis 0x00, cmd 0x01). Response data: current power
// state, last power event, misc chassis state, and an optional front-panel button byte that many BMCs
// (ipmi_sim among them) leave out.
import type { Requester } from '../../client/requester';
import { call, requireLength, type CommandSpec } from '../command-spec';

export const GET_CHASSIS_STATUS: CommandSpec = { netFn: 0x00, cmd: 0x01, name: 'Get Chassis Status' };

/** Power restore policy as the status reports it; 'unknown' is the spec's value 3. */
export type PowerRestorePolicy = 'always-off' | 'previous' | 'always-on' | 'unknown';
export const POWER_RESTORE_POLICIES: readonly PowerRestorePolicy[] = [
  'always-off',
  'previous',
  'always-on',
  'unknown',
];

/** Chassis identify state (misc byte bits 5:4); only meaningful when identifySupported. */
export type IdentifyState = 'off' | 'temporary' | 'indefinite' | 'reserved';
const IDENTIFY_STATES: readonly IdentifyState[] = ['off', 'temporary', 'indefinite', 'reserved'];

export interface LastPowerEvent {
  acFailed: boolean;
  overload: boolean;
  interlock: boolean;
  powerFault: boolean;
  /** the last power-on was requested through IPMI */
  powerOnByCommand: boolean;
}

/** Optional byte 4: "allowed" = the button may be disabled; "disabled" = it is disabled now. */
export interface FrontPanelButtons {
  sleepDisableAllowed: boolean;
  diagDisableAllowed: boolean;
  resetDisableAllowed: boolean;
  powerDisableAllowed: boolean;
  sleepDisabled: boolean;
  diagDisabled: boolean;
  resetDisabled: boolean;
  powerDisabled: boolean;
}

export interface ChassisStatus {
  powerOn: boolean;
  powerOverload: boolean;
  interlockActive: boolean;
  mainPowerFault: boolean;
  powerControlFault: boolean;
  restorePolicy: PowerRestorePolicy;
  lastPowerEvent: LastPowerEvent;
  intrusionActive: boolean;
  frontPanelLockout: boolean;
  driveFault: boolean;
  coolingFault: boolean;
  identifyState: IdentifyState;
  /** whether the BMC reports identify state at all (misc bit 6) */
  identifySupported: boolean;
  frontPanel?: FrontPanelButtons;
}

const bit = (b: number, n: number) => (b & (1 << n)) !== 0;

export function decodeChassisStatus(data: Uint8Array, host = ''): ChassisStatus {
  requireLength(data, 3, GET_CHASSIS_STATUS, host);
  const power = data[0]!;
  const event = data[1]!;
  const misc = data[2]!;
  const status: ChassisStatus = {
    powerOn: bit(power, 0),
    powerOverload: bit(power, 1),
    interlockActive: bit(power, 2),
    mainPowerFault: bit(power, 3),
    powerControlFault: bit(power, 4),
    restorePolicy: POWER_RESTORE_POLICIES[(power >> 5) & 3]!,
    lastPowerEvent: {
      acFailed: bit(event, 0),
      overload: bit(event, 1),
      interlock: bit(event, 2),
      powerFault: bit(event, 3),
      powerOnByCommand: bit(event, 4),
    },
    intrusionActive: bit(misc, 0),
    frontPanelLockout: bit(misc, 1),
    driveFault: bit(misc, 2),
    coolingFault: bit(misc, 3),
    identifyState: IDENTIFY_STATES[(misc >> 4) & 3]!,
    identifySupported: bit(misc, 6),
  };
  const fp = data[3];
  if (fp !== undefined) {
    status.frontPanel = {
      sleepDisableAllowed: bit(fp, 7),
      diagDisableAllowed: bit(fp, 6),
      resetDisableAllowed: bit(fp, 5),
      powerDisableAllowed: bit(fp, 4),
      sleepDisabled: bit(fp, 3),
      diagDisabled: bit(fp, 2),
      resetDisabled: bit(fp, 1),
      powerDisabled: bit(fp, 0),
    };
  }
  return status;
}

export async function getChassisStatus(r: Requester): Promise<ChassisStatus> {
  return decodeChassisStatus(await call(r, GET_CHASSIS_STATUS), r.host);
}
