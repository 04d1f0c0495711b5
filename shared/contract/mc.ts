// Management controller info (IPMI v2.0 §20.1 Get Device ID).
import { z } from 'zod';
import { call } from './define';
import { hostId } from '../domain/host';

export const deviceInfo = z.strictObject({
  deviceId: z.number().int(),
  deviceRevision: z.number().int(),
  firmwareRevision: z.string(),
  ipmiVersion: z.string(),
  manufacturerId: z.number().int(),
  productId: z.number().int(),
  deviceAvailable: z.boolean(),
  providesSdrs: z.boolean(),
  additionalDeviceSupport: z.array(z.string()),
  auxFirmwareRevision: z.string().optional(),
});
export type DeviceInfo = z.infer<typeof deviceInfo>;

export const mcCalls = {
  'mc.info': call({
    summary: 'Get Device ID of the BMC',
    privilege: 'user',
    input: z.strictObject({ hostId }),
    output: deviceInfo,
    example: { hostId: 'h0example01' },
  }),
};
