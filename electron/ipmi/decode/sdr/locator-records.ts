// Device locator records (IPMI v2.0 §43.7-43.9): where a generic device, a FRU device or a
// management controller sits on the IPMB / private buses. ipmitool lists them in `sdr list all`.
import { decodeSdrHeader, requireLength, type SdrHeader } from './record-header';
import { decodeRecordId } from './id-string';
import { decodeEntity, type EntityRef } from './sensor-record-common';

export interface GenericDeviceLocator extends SdrHeader, EntityRef {
  kind: 'generic-locator';
  /** access address byte as stored (`[7:1]` address; ipmitool prints the byte) */
  accessAddress: number;
  /** slave address byte as stored (`[7:1]` address, `[0]` channel bit 3) */
  slaveAddress: number;
  channel: number;
  lun: number;
  privateBus: number;
  addressSpan: number;
  deviceType: number;
  deviceTypeModifier: number;
  oem: number;
  id: string;
}

export interface FruDeviceLocator extends SdrHeader, EntityRef {
  kind: 'fru-locator';
  /** [5] bits 7-1: the controller's 7-bit address */
  accessAddress: number;
  /** [5] as stored (the 8-bit slave address; ipmitool prints this byte) */
  accessAddressByte: number;
  /** logical FRU device ID, or the slave address of a non-intelligent device */
  fruDeviceId: number;
  logical: boolean;
  lun: number;
  privateBus: number;
  channel: number;
  deviceType: number;
  deviceTypeModifier: number;
  oem: number;
  id: string;
}

export interface McDeviceLocator extends SdrHeader, EntityRef {
  kind: 'mc-locator';
  /** slave address byte as stored */
  slaveAddress: number;
  channel: number;
  /** [7] bits 7-5: bit 0 (byte bit 5) static controller ("Static MC"), bit 1 ACPI device power state
   *  notification required, bit 2 ACPI system power state notification required (§43.9 byte 8) */
  powerStateNotification: number;
  /** [7] bits 3-0: bit 3 logs initialization agent errors, bits 1-0 event message generation
   *  (0 enable, 1 disable, 2 do not initialize the controller) */
  globalInitialization: number;
  /** [8] bit 0 sensor device ... bit 7 chassis device */
  capabilities: number;
  oem: number;
  id: string;
}

export const LOCATOR_FIXED_LENGTH = 16;

function id(b: Uint8Array): string {
  return decodeRecordId(b, 15).id;
}

export function decodeGenericDeviceLocator(b: Uint8Array): GenericDeviceLocator {
  requireLength(b, LOCATOR_FIXED_LENGTH, 'generic device locator record');
  return {
    kind: 'generic-locator',
    ...decodeSdrHeader(b),
    ...decodeEntity(b[12]!, b[13]!),
    accessAddress: b[5]!,
    slaveAddress: b[6]!,
    channel: ((b[7]! >> 5) & 0x07) | ((b[6]! & 0x01) << 3),
    lun: (b[7]! >> 3) & 0x03,
    privateBus: b[7]! & 0x07,
    addressSpan: b[8]! & 0x07,
    deviceType: b[10]!,
    deviceTypeModifier: b[11]!,
    oem: b[14]!,
    id: id(b),
  };
}

export function decodeFruDeviceLocator(b: Uint8Array): FruDeviceLocator {
  requireLength(b, LOCATOR_FIXED_LENGTH, 'FRU device locator record');
  return {
    kind: 'fru-locator',
    ...decodeSdrHeader(b),
    ...decodeEntity(b[12]!, b[13]!),
    accessAddress: b[5]! >> 1,
    accessAddressByte: b[5]!,
    fruDeviceId: b[6]!,
    logical: (b[7]! & 0x80) !== 0,
    lun: (b[7]! >> 3) & 0x03,
    privateBus: b[7]! & 0x07,
    channel: b[8]! >> 4,
    deviceType: b[10]!,
    deviceTypeModifier: b[11]!,
    oem: b[14]!,
    id: id(b),
  };
}

export function decodeMcDeviceLocator(b: Uint8Array): McDeviceLocator {
  requireLength(b, LOCATOR_FIXED_LENGTH, 'MC device locator record');
  return {
    kind: 'mc-locator',
    ...decodeSdrHeader(b),
    ...decodeEntity(b[12]!, b[13]!),
    slaveAddress: b[5]!,
    channel: b[6]! & 0x0f,
    powerStateNotification: b[7]! >> 5,
    globalInitialization: b[7]! & 0x0f,
    capabilities: b[8]!,
    oem: b[14]!,
    id: id(b),
  };
}
