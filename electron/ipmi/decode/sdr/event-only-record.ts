// Type 0x03 Event-Only Sensor Record (IPMI v2.0 §43.3): a sensor that only generates events; it has
// no reading, so ipmitool lists it as "Event-Only" with status "ns".
import { decodeSdrHeader, requireLength, type SdrHeader } from './record-header';
import { decodeRecordId } from './id-string';
import { decodeEntity, decodeSensorKey, type EntityRef, type SensorKey } from './sensor-record-common';

export interface EventOnlyRecord extends SdrHeader, SensorKey, EntityRef {
  kind: 'event-only';
  sensorType: number;
  eventReadingType: number;
  direction: number;
  shareCount: number;
  oem: number;
  idTypeLength: number;
  id: string;
}

export const EVENT_ONLY_FIXED_LENGTH = 17;

export function decodeEventOnlyRecord(b: Uint8Array): EventOnlyRecord {
  requireLength(b, EVENT_ONLY_FIXED_LENGTH, 'event-only sensor record');
  return {
    kind: 'event-only',
    ...decodeSdrHeader(b),
    ...decodeSensorKey(b),
    ...decodeEntity(b[8]!, b[9]!),
    sensorType: b[10]!,
    eventReadingType: b[11]!,
    direction: b[12]! >> 6,
    shareCount: b[12]! & 0x0f,
    oem: b[15]!,
    ...decodeRecordId(b, 16),
  };
}
