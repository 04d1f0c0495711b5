// Reads every sensor of an SDR at once: one Get Sensor Reading per sensor (and Get Sensor Thresholds
// for threshold sensors when asked), all issued together so the session's window keeps many in
// flight. This is what makes a warm `sensor list` one round trip plus the readings.
import type { Requester, RequestOptions } from '../../client/requester';
import { convertWithFactors, isNonLinear, type ConversionFactors } from '../../decode/reading-conversion';
import type { FullSensorRecord } from '../../decode/sdr/full-sensor-record';
import {
  isSensorRecord,
  isThresholdSensor,
  type SdrRecord,
  type SensorRecord,
} from '../../decode/sdr/sdr-record';
import { readSensorForList, type SensorReading } from './sensor-reading';
import { getSensorReadingFactors, readThresholdsForList, type SensorThresholds } from './sensor-thresholds';

export interface SensorSnapshot {
  record: SensorRecord;
  /** undefined when the BMC refused the reading (absent sensor, completion code) */
  reading: SensorReading | undefined;
  thresholds: SensorThresholds | undefined;
  /** factors actually used for the conversion (per-reading ones for non-linear sensors) */
  factors: ConversionFactors | undefined;
  /** converted reading in the record's units; undefined for discrete or unreadable sensors */
  value: number | undefined;
}

export interface SnapshotOptions extends RequestOptions {
  /** also read live thresholds of threshold sensors (ipmitool `sensor list` shows them) */
  thresholds?: boolean;
}

function address(rec: SensorRecord) {
  return { number: rec.number, ownerLun: rec.ownerLun };
}

/** Whether ipmitool would show an analog value: full record, analog units, threshold type. */
export function hasAnalogReading(rec: SensorRecord): rec is FullSensorRecord {
  return rec.kind === 'full' && rec.analogFormat !== 'none' && isThresholdSensor(rec);
}

export async function readSensor(
  r: Requester,
  rec: SensorRecord,
  opts: SnapshotOptions = {},
): Promise<SensorSnapshot> {
  const wantThresholds = opts.thresholds === true && isThresholdSensor(rec);
  const [reading, thresholds] = await Promise.all([
    readSensorForList(r, address(rec), opts),
    wantThresholds ? readThresholdsForList(r, address(rec), opts) : Promise.resolve(undefined),
  ]);
  let factors: ConversionFactors | undefined;
  let value: number | undefined;
  if (hasAnalogReading(rec)) {
    factors = rec.factors;
    if (isNonLinear(rec.linearization) && reading?.valid) {
      factors = await getSensorReadingFactors(r, address(rec), reading.raw, opts).catch(() => undefined);
    }
    if (factors && reading?.valid)
      value = convertWithFactors(factors, rec.analogFormat, rec.linearization, reading.raw);
  }
  return { record: rec, reading, thresholds, factors, value };
}

/** All sensors of the SDR, in SDR order, read concurrently. */
export function readAllSensors(
  r: Requester,
  records: readonly SdrRecord[],
  opts: SnapshotOptions = {},
): Promise<SensorSnapshot[]> {
  return Promise.all(records.filter(isSensorRecord).map((rec) => readSensor(r, rec, opts)));
}
