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

/** Get System GUID (IPMI v2.0 §22.14) as `mc guid` prints it; built in electron/views/guid.ts. */
export const systemGuid = z.strictObject({
  /** "xxxxxxxx-xxxx-…" in the byte order found, or the 16 bytes as upper-case hex when none fits */
  guid: z.string(),
  /** the byte order the BMC used (the spec's is `ipmi`); `unknown`: no order gives a valid version */
  encoding: z.enum(['ipmi', 'rfc4122', 'smbios', 'unknown']),
  /** the version nibble (1 time-based … 5 name-based SHA-1); absent for `unknown` */
  version: z.number().int().min(0).max(15).optional(),
});
export type SystemGuidView = z.infer<typeof systemGuid>;
