// What a fleet can do on each host (services/fleet.ts runs one of these on many hosts): read the power
// state, power control, identify, set the boot device. Each is one command module call; the privilege
// is the least the command needs (the command registry's, IPMI v2.0 appendix G), which is what a one-shot
// session logs in at.
import {
  decodeChassisStatus,
  GET_CHASSIS_STATUS,
  type ChassisStatus,
} from '../ipmi/commands/chassis/get-chassis-status';
import {
  CHASSIS_CONTROL,
  chassisControl,
  type ChassisControlAction,
} from '../ipmi/commands/chassis/chassis-control';
import {
  CHASSIS_IDENTIFY,
  chassisIdentify,
  type IdentifyRequest,
} from '../ipmi/commands/chassis/chassis-identify';
import { setBootFlags } from '../ipmi/commands/chassis/set-boot-device';
import type { BootFlagsInput } from '../ipmi/commands/chassis/boot-flags';
import { SET_SYSTEM_BOOT_OPTIONS } from '../ipmi/commands/chassis/system-boot-options';
import { call, type CommandSpec } from '../ipmi/commands/command-spec';
import { commandEntry } from '../ipmi/message/command-registry';
import type { PrivilegeName } from '../ipmi/client/connect';
import { runFleet, type FleetAction, type FleetOptions, type FleetReport, type FleetTarget } from './fleet';

/** The privilege the registry says `spec` needs (none of ours is session-less). */
export function loginPrivilege(spec: CommandSpec): PrivilegeName {
  const p = commandEntry(spec.netFn, spec.cmd)?.privilege;
  if (p === undefined || p === 'none') throw new Error(`${spec.name}: no session privilege in the registry`);
  return p;
}

export const POWER_STATUS: FleetAction<ChassisStatus> = {
  name: 'power status',
  privilege: loginPrivilege(GET_CHASSIS_STATUS),
  run: async (r, host) => decodeChassisStatus(await call(r, GET_CHASSIS_STATUS), host),
};

/** The fleet's power verbs (ipmitool's `chassis power on|off|cycle|reset|soft`). */
export const FLEET_POWER_ACTIONS = {
  on: 'power-up',
  off: 'power-down',
  cycle: 'power-cycle',
  reset: 'hard-reset',
  soft: 'soft-shutdown',
} as const satisfies Record<string, ChassisControlAction>;
export type FleetPowerAction = keyof typeof FLEET_POWER_ACTIONS;

export function powerControl(action: FleetPowerAction): FleetAction<void> {
  const control = FLEET_POWER_ACTIONS[action];
  return {
    name: `power ${action}`,
    privilege: loginPrivilege(CHASSIS_CONTROL),
    run: (r) => chassisControl(r, control),
  };
}

export function identify(req: IdentifyRequest): FleetAction<void> {
  return {
    name: 'identify',
    privilege: loginPrivilege(CHASSIS_IDENTIFY),
    run: (r) => chassisIdentify(r, req),
  };
}

export function bootDevice(flags: BootFlagsInput): FleetAction<void> {
  return {
    name: 'boot device',
    privilege: loginPrivilege(SET_SYSTEM_BOOT_OPTIONS),
    run: (r) => setBootFlags(r, flags),
  };
}

/** Power status of many BMCs (the fleet bench and the fleet peer tests measure this one). */
export function fleetPowerStatus(
  targets: readonly FleetTarget[],
  opts: FleetOptions<ChassisStatus> = {},
): Promise<FleetReport<ChassisStatus>> {
  return runFleet(targets, POWER_STATUS, opts);
}
