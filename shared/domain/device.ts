// The management controller's identity (IPMI v2.0 §20.1 Get Device ID) as plain data, built once in
// electron/views/device.ts; `mc info` prints it, the app shows it.
import { z } from 'zod';

export const DEVICE_SUPPORT = [
  'sensor',
  'sdr-repository',
  'sel',
  'fru-inventory',
  'ipmb-event-receiver',
  'ipmb-event-generator',
  'bridge',
  'chassis',
] as const;

export const deviceInfo = z.strictObject({
  deviceId: z.number().int(),
  deviceRevision: z.number().int(),
  /** "major.minor", minor in hex as the BCD byte reads ("2.01"), as ipmitool prints it */
  firmwareRevision: z.string(),
  /** "major.minor" of the IPMI version, each a BCD nibble ("2.0") */
  ipmiVersion: z.string(),
  manufacturerId: z.number().int(),
  /** from the IANA registry (built-in table or the system's copy); absent when unknown */
  manufacturerName: z.string().optional(),
  productId: z.number().int(),
  /** known products of known manufacturers; absent otherwise */
  productName: z.string().optional(),
  deviceAvailable: z.boolean(),
  providesSdrs: z.boolean(),
  additionalDeviceSupport: z.array(z.enum(DEVICE_SUPPORT)),
  /** the four optional auxiliary firmware revision bytes, as "0x01 0x02 0x03 0x04" */
  auxFirmwareRevision: z.string().optional(),
  auxFirmware: z.array(z.number().int().min(0).max(255)).optional(),
});
export type DeviceInfo = z.infer<typeof deviceInfo>;
