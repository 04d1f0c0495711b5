// Type 0x02 Compact Sensor Record (IPMI v2.0 §43.2): discrete or raw-valued sensors, no conversion
// factors; one record may stand for several sensors sharing it (share count), which ipmitool lists
// as one line, so we do too.
import { decodeSdrHeader, requireLength, type SdrHeader } from './record-header';
import { decodeIdString } from './id-string';
import {
  decodeCapabilities,
  decodeEntity,
  decodeSensorKey,
  decodeUnits,
  type EntityRef,
  type SensorCapabilities,
  type SensorKey,
  type Units,
} from './sensor-record-common';

export interface CompactSensorRecord extends SdrHeader, SensorKey, EntityRef {
  kind: 'compact';
  initialization: number;
  capabilities: SensorCapabilities;
  sensorType: number;
  eventReadingType: number;
  assertionMask: number;
  deassertionMask: number;
  /** [18..19] discrete reading mask, or readable/settable threshold masks for threshold sensors */
  readableThresholds: number;
  settableThresholds: number;
  units: Units;
  direction: number;
  /** 0 numeric, 1 alpha */
  idInstanceModifierType: number;
  shareCount: number;
  entityInstanceSharing: boolean;
  idInstanceModifierOffset: number;
  positiveHysteresis: number;
  negativeHysteresis: number;
  oem: number;
  idTypeLength: number;
  id: string;
}

export const COMPACT_SENSOR_FIXED_LENGTH = 32;

export function decodeCompactSensorRecord(b: Uint8Array): CompactSensorRecord {
  requireLength(b, COMPACT_SENSOR_FIXED_LENGTH, 'compact sensor record');
  const idTypeLength = b[31]!;
  return {
    kind: 'compact',
    ...decodeSdrHeader(b),
    ...decodeSensorKey(b),
    ...decodeEntity(b[8]!, b[9]!),
    initialization: b[10]!,
    capabilities: decodeCapabilities(b[11]!),
    sensorType: b[12]!,
    eventReadingType: b[13]!,
    assertionMask: b[14]! | (b[15]! << 8),
    deassertionMask: b[16]! | (b[17]! << 8),
    readableThresholds: b[18]! & 0x3f,
    settableThresholds: b[19]! & 0x3f,
    units: decodeUnits(b[20]!, b[21]!, b[22]!),
    direction: b[23]! >> 6,
    idInstanceModifierType: (b[23]! >> 4) & 0x03,
    shareCount: b[23]! & 0x0f,
    entityInstanceSharing: (b[24]! & 0x80) !== 0,
    idInstanceModifierOffset: b[24]! & 0x7f,
    positiveHysteresis: b[25]!,
    negativeHysteresis: b[26]!,
    oem: b[30]!,
    idTypeLength,
    id: decodeIdString(idTypeLength, b.subarray(32, 32 + Math.min(idTypeLength & 0x1f, 16))),
  };
}
