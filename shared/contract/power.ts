// Power and chassis status (IPMI v2.0 §28.2 Get Chassis Status); the view is in shared/domain/chassis.ts.
import { z } from 'zod';
import { call } from './define';
import { hostId } from '../domain/host';
import { chassisStatus, powerState } from '../domain/chassis';

export { chassisStatus, powerState, type ChassisStatus, type PowerState } from '../domain/chassis';

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
