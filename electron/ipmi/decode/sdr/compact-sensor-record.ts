// Type 0x02 Compact Sensor Record (IPMI v2.0 §43.2): discrete or raw-valued sensors, no conversion
// factors; one record may stand for several sensors sharing it (share count), which ipmitool lists
// as one line, so we do too.
import { decodeSdrHeader, requireLength, type SdrHeader } from './record-header';
import { decodeRecordId } from './id-string';
import {
  decodeEntity,
  decodeSensorCore,
  decodeSensorKey,
  type EntityRef,
  type SensorCore,
  type SensorKey,
} from './sensor-record-common';

export interface CompactSensorRecord extends SdrHeader, SensorKey, EntityRef, SensorCore {
  kind: 'compact';
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
  return {
    kind: 'compact',
    ...decodeSdrHeader(b),
    ...decodeSensorKey(b),
    ...decodeEntity(b[8]!, b[9]!),
    ...decodeSensorCore(b),
    direction: b[23]! >> 6,
    idInstanceModifierType: (b[23]! >> 4) & 0x03,
    shareCount: b[23]! & 0x0f,
    entityInstanceSharing: (b[24]! & 0x80) !== 0,
    idInstanceModifierOffset: b[24]! & 0x7f,
    positiveHysteresis: b[25]!,
    negativeHysteresis: b[26]!,
    oem: b[30]!,
    ...decodeRecordId(b, 31),
  };
}
