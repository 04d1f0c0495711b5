// The fleet toolbar's actions as data: which IPC call each makes with which fixed input, its i18n keys
// (menu label, the operation named in errors, what the confirmation warns) and whether it is destructive
// (danger confirmation). The toolbar and the run modal only read this table.
import type { CallInput, CallResult } from '../../../../../shared/contract/index';
import type { BootDeviceName } from '../../../../../shared/domain/chassis';
import { call } from '../../../bmc-client';

export type FleetCall = 'fleet.power' | 'fleet.identify' | 'fleet.bootDevice';
/** What is sent besides operationId and hostIds. */
export type FleetInput<C extends FleetCall> = Omit<CallInput<C>, 'operationId' | 'hostIds' | 'concurrency'>;
export type FleetRequest = {
  [C in FleetCall]: { call: C; input: FleetInput<C> };
}[FleetCall];
export type FleetOutcome = CallResult<'fleet.power'>;

export interface FleetAction {
  id: string;
  group: 'power' | 'identify' | 'boot';
  /** the menu item */
  label: string;
  /** the operation as errorText names it ("power on") */
  operation: string;
  /** what the confirmation says will happen */
  effect: string;
  danger: boolean;
  /** absent for the boot device: its input comes from the form in the confirmation */
  request?: FleetRequest;
}

const power = (action: FleetInput<'fleet.power'>['action']): FleetRequest => ({
  call: 'fleet.power',
  input: { action },
});
const identify = (interval: FleetInput<'fleet.identify'>['interval']): FleetRequest => ({
  call: 'fleet.identify',
  input: interval === undefined ? {} : { interval },
});

export const POWER_ACTIONS: readonly FleetAction[] = [
  {
    id: 'power-on',
    group: 'power',
    label: 'fleet.action.powerOn',
    operation: 'fleet.op.powerOn',
    effect: 'fleet.effect.powerOn',
    danger: false,
    request: power('on'),
  },
  {
    id: 'power-soft',
    group: 'power',
    label: 'fleet.action.powerSoft',
    operation: 'fleet.op.powerSoft',
    effect: 'fleet.effect.powerSoft',
    // a graceful shutdown still takes the hosts' services down
    danger: true,
    request: power('soft'),
  },
  {
    id: 'power-off',
    group: 'power',
    label: 'fleet.action.powerOff',
    operation: 'fleet.op.powerOff',
    effect: 'fleet.effect.powerOff',
    danger: true,
    request: power('off'),
  },
  {
    id: 'power-cycle',
    group: 'power',
    label: 'fleet.action.powerCycle',
    operation: 'fleet.op.powerCycle',
    effect: 'fleet.effect.powerCycle',
    danger: true,
    request: power('cycle'),
  },
  {
    id: 'power-reset',
    group: 'power',
    label: 'fleet.action.powerReset',
    operation: 'fleet.op.powerReset',
    effect: 'fleet.effect.powerReset',
    danger: true,
    request: power('reset'),
  },
];

const identifyAction = (
  id: string,
  label: string,
  effect: string,
  interval: number | 'force',
): FleetAction => ({
  id,
  group: 'identify',
  label,
  operation: interval === 0 ? 'fleet.op.identifyOff' : 'fleet.op.identify',
  effect,
  danger: false,
  request: identify(interval),
});

/** Durations within Chassis Identify's one-byte interval (≤ 255 s). */
export const IDENTIFY_ACTIONS: readonly FleetAction[] = [
  identifyAction('identify-15', 'fleet.action.identify15', 'fleet.effect.identify15', 15),
  identifyAction('identify-60', 'fleet.action.identify60', 'fleet.effect.identify60', 60),
  identifyAction('identify-240', 'fleet.action.identify240', 'fleet.effect.identify240', 240),
  identifyAction('identify-force', 'fleet.action.identifyForce', 'fleet.effect.identifyForce', 'force'),
  identifyAction('identify-off', 'fleet.action.identifyOff', 'fleet.effect.identifyOff', 0),
];

export const BOOT_ACTION: FleetAction = {
  id: 'boot-device',
  group: 'boot',
  label: 'fleet.action.bootDevice',
  operation: 'fleet.op.bootDevice',
  effect: 'fleet.effect.bootDevice',
  danger: false,
};

export const FLEET_ACTIONS: readonly FleetAction[] = [...POWER_ACTIONS, ...IDENTIFY_ACTIONS, BOOT_ACTION];

export function fleetAction(id: string): FleetAction | undefined {
  return FLEET_ACTIONS.find((a) => a.id === id);
}

/** The boot device form's choice, as fleet.bootDevice takes it. */
export interface BootChoice {
  device: BootDeviceName;
  persistent: boolean;
  efi: boolean;
}

export function bootRequest(b: BootChoice): FleetRequest {
  return { call: 'fleet.bootDevice', input: { device: b.device, persistent: b.persistent, efi: b.efi } };
}

/** Starts `r` on `hostIds` under `operationId` (subscribe to its progress first). */
export function runFleetRequest(
  r: FleetRequest,
  hostIds: string[],
  operationId: string,
): Promise<FleetOutcome> {
  switch (r.call) {
    case 'fleet.power':
      return call('fleet.power', { operationId, hostIds, ...r.input });
    case 'fleet.identify':
      return call('fleet.identify', { operationId, hostIds, ...r.input });
    case 'fleet.bootDevice':
      return call('fleet.bootDevice', { operationId, hostIds, ...r.input });
  }
}

/** The cached reads an action makes stale (refetched once it has finished). */
export function staleReads(r: FleetRequest): string[] {
  if (r.call === 'fleet.bootDevice') return ['chassis.boot.get'];
  if (r.call === 'fleet.identify') return ['chassis.status'];
  return ['fleet.powerStatus', 'power.status', 'chassis.status'];
}
