// Power and chassis status (IPMI v2.0 §28.2 Get Chassis Status).
import { z } from 'zod';
import { call } from './define';
import { hostId } from '../domain/host';

export const powerState = z.enum(['on', 'off']);
export type PowerState = z.infer<typeof powerState>;

export const chassisStatus = z.strictObject({
  power: powerState,
  powerOverload: z.boolean(),
  powerInterlock: z.boolean(),
  mainPowerFault: z.boolean(),
  powerControlFault: z.boolean(),
  powerRestorePolicy: z.enum(['always-off', 'previous', 'always-on', 'unknown']),
  lastPowerEvent: z.array(z.string()),
  intrusion: z.boolean(),
  frontPanelLockout: z.boolean(),
  driveFault: z.boolean(),
  coolingFault: z.boolean(),
  identify: z.enum(['off', 'temporary', 'indefinite', 'unsupported']),
});
export type ChassisStatus = z.infer<typeof chassisStatus>;

export const powerCalls = {
  'power.status': call({
    summary: 'Chassis power on or off',
    privilege: 'user',
    input: z.strictObject({ hostId }),
    output: z.strictObject({ power: powerState }),
    example: { hostId: 'h0example01' },
  }),
  'chassis.status': call({
    summary: 'Full Get Chassis Status',
    privilege: 'user',
    input: z.strictObject({ hostId }),
    output: chassisStatus,
    example: { hostId: 'h0example01' },
  }),
};
