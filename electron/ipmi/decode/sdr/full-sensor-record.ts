// Type 0x01 Full Sensor Record (IPMI v2.0 §43.1): a sensor with conversion factors, thresholds and
// the rest of what a threshold sensor needs. Offsets are 0-based and include the 5-byte header.
import { decodeFactors, type AnalogFormat, type ConversionFactors } from '../reading-conversion';
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

/** Raw threshold bytes, in the sensor's raw reading format. */
export interface RawThresholds {
  unr: number;
  ucr: number;
  unc: number;
  lnr: number;
  lcr: number;
  lnc: number;
}

export interface FullSensorRecord extends SdrHeader, SensorKey, EntityRef, SensorCore {
  kind: 'full';
  analogFormat: AnalogFormat;
  linearization: number;
  factors: ConversionFactors;
  /** [30] bit 0 nominal given, bit 1 normal max given, bit 2 normal min given */
  analogFlags: number;
  nominalReading: number;
  normalMax: number;
  normalMin: number;
  sensorMax: number;
  sensorMin: number;
  thresholds: RawThresholds;
  positiveHysteresis: number;
  negativeHysteresis: number;
  oem: number;
  idTypeLength: number;
  id: string;
}

export const FULL_SENSOR_FIXED_LENGTH = 48;

export function decodeFullSensorRecord(b: Uint8Array): FullSensorRecord {
  requireLength(b, FULL_SENSOR_FIXED_LENGTH, 'full sensor record');
  const core = decodeSensorCore(b);
  return {
    kind: 'full',
    ...decodeSdrHeader(b),
    ...decodeSensorKey(b),
    ...decodeEntity(b[8]!, b[9]!),
    ...core,
    analogFormat: core.units.analogFormat,
    linearization: b[23]! & 0x7f,
    factors: decodeFactors(b, 24),
    analogFlags: b[30]!,
    nominalReading: b[31]!,
    normalMax: b[32]!,
    normalMin: b[33]!,
    sensorMax: b[34]!,
    sensorMin: b[35]!,
    thresholds: { unr: b[36]!, ucr: b[37]!, unc: b[38]!, lnr: b[39]!, lcr: b[40]!, lnc: b[41]! },
    positiveHysteresis: b[42]!,
    negativeHysteresis: b[43]!,
    oem: b[46]!,
    ...decodeRecordId(b, 47),
  };
}
