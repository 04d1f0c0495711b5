// Actions on many hosts. Each streams one progress item per host and can be cancelled with
// operations.cancel; the final result lists every host (those not reached before a cancel are absent).
// A host whose session is open in the pool is asked through it; the others get a one-shot session at the
// call's privilege, closed right after.
import { z } from 'zod';
import { call, operationId } from './define';
import { hostId } from '../domain/host';
import { powerState } from './power';
import { errorData } from '../errors';
import { bootDevice } from '../domain/chassis';

export const fleetPowerItem = z.strictObject({
  hostId,
  power: powerState.optional(),
  error: errorData.optional(),
});

/** One host's answer to a fleet action: ok, or the typed error of that host alone. */
export const fleetActionItem = z.strictObject({
  hostId,
  ok: z.boolean(),
  error: errorData.optional(),
});

const hostSelection = {
  operationId,
  hostIds: z.array(hostId).min(1).max(4096),
  concurrency: z.number().int().min(1).max(512).optional(),
};
const actionResult = z.strictObject({ results: z.array(fleetActionItem), cancelled: z.boolean() });

/** ipmitool's `chassis power on|off|cycle|reset|soft` (Chassis Control 0x00/0x02). */
export const fleetPowerAction = z.enum(['on', 'off', 'cycle', 'reset', 'soft']);
/** ipmitool's `chassis bootdev` devices (boot flags parameter 5, byte 2 bits 5:2): the chassis view's. */
export const fleetBootDevice = bootDevice;

export const fleetCalls = {
  'fleet.powerStatus': call({
    summary: 'Power state of many hosts, streamed per host, cancellable',
    privilege: 'user',
    input: z.strictObject(hostSelection),
    output: z.strictObject({ results: z.array(fleetPowerItem), cancelled: z.boolean() }),
    progress: fleetPowerItem,
    example: { operationId: 'op-example-0002', hostIds: ['h0example01'] },
  }),
  'fleet.power': call({
    summary: 'Power on/off/cycle/reset/soft-off many hosts, streamed per host, cancellable',
    privilege: 'operator',
    input: z.strictObject({ ...hostSelection, action: fleetPowerAction }),
    output: actionResult,
    progress: fleetActionItem,
    example: { operationId: 'op-example-0003', hostIds: ['h0example01'], action: 'on' },
  }),
  'fleet.identify': call({
    summary: "Blink many hosts' identify light (seconds, 0 = off, 'force' = until turned off)",
    privilege: 'operator',
    input: z.strictObject({
      ...hostSelection,
      /** omitted: the BMC's default interval (15 s) */
      interval: z.union([z.number().int().min(0).max(255), z.literal('force')]).optional(),
    }),
    output: actionResult,
    progress: fleetActionItem,
    example: { operationId: 'op-example-0004', hostIds: ['h0example01'], interval: 30 },
  }),
  'fleet.bootDevice': call({
    summary: 'Set the boot device of many hosts (next boot, or persistent; legacy or EFI)',
    privilege: 'operator',
    input: z.strictObject({
      ...hostSelection,
      device: fleetBootDevice,
      /** default false: the next boot only */
      persistent: z.boolean().optional(),
      /** default false: PC-compatible (legacy) boot */
      efi: z.boolean().optional(),
    }),
    output: actionResult,
    progress: fleetActionItem,
    example: { operationId: 'op-example-0005', hostIds: ['h0example01'], device: 'pxe' },
  }),
};
