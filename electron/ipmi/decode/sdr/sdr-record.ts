// One decoded SDR, whatever its type. `decodeSdrRecord` takes the complete record as Get SDR
// returned it (header included) and never throws anything but IpmiError.
import { IpmiError } from '../../errors';
import { decodeFullSensorRecord, type FullSensorRecord } from './full-sensor-record';
import { decodeCompactSensorRecord, type CompactSensorRecord } from './compact-sensor-record';
import { decodeEventOnlyRecord, type EventOnlyRecord } from './event-only-record';
import {
  decodeFruDeviceLocator,
  decodeGenericDeviceLocator,
  decodeMcDeviceLocator,
  type FruDeviceLocator,
  type GenericDeviceLocator,
  type McDeviceLocator,
} from './locator-records';
import {
  decodeEntityAssociation,
  decodeOemRecord,
  rawRecord,
  type EntityAssociationRecord,
  type OemRecord,
  type RawRecord,
} from './other-records';
import { decodeSdrHeader, SDR_HEADER_LENGTH, SdrRecordType } from './record-header';

export type SensorRecord = FullSensorRecord | CompactSensorRecord;
export type SdrRecord =
  | FullSensorRecord
  | CompactSensorRecord
  | EventOnlyRecord
  | EntityAssociationRecord
  | GenericDeviceLocator
  | FruDeviceLocator
  | McDeviceLocator
  | OemRecord
  | RawRecord;

export function decodeSdrRecord(bytes: Uint8Array): SdrRecord {
  const header = decodeSdrHeader(bytes);
  if (bytes.length < SDR_HEADER_LENGTH + header.length) {
    throw new IpmiError(
      'protocol',
      `SDR record 0x${header.recordId.toString(16)} truncated: ${bytes.length - SDR_HEADER_LENGTH} of ${header.length} bytes`,
    );
  }
  const b = bytes.subarray(0, SDR_HEADER_LENGTH + header.length);
  switch (header.recordType) {
    case SdrRecordType.FullSensor:
      return decodeFullSensorRecord(b);
    case SdrRecordType.CompactSensor:
      return decodeCompactSensorRecord(b);
    case SdrRecordType.EventOnlySensor:
      return decodeEventOnlyRecord(b);
    case SdrRecordType.EntityAssociation:
      return decodeEntityAssociation(b);
    case SdrRecordType.GenericDeviceLocator:
      return decodeGenericDeviceLocator(b);
    case SdrRecordType.FruDeviceLocator:
      return decodeFruDeviceLocator(b);
    case SdrRecordType.McDeviceLocator:
      return decodeMcDeviceLocator(b);
    case SdrRecordType.Oem:
      return decodeOemRecord(b);
    default:
      return rawRecord(b);
  }
}

export function isSensorRecord(r: SdrRecord): r is SensorRecord {
  return r.kind === 'full' || r.kind === 'compact';
}

/** The name of a record, for the kinds that have one. */
export function recordName(r: SdrRecord): string | undefined {
  return 'id' in r ? r.id : undefined;
}

/** Whether the sensor is a threshold sensor (event/reading type 0x01), the kind with thresholds. */
export function isThresholdSensor(r: { eventReadingType: number }): boolean {
  return r.eventReadingType === 0x01;
}
