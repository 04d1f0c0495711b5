// Reads every sensor of an SDR at once: one Get Sensor Reading per sensor (and Get Sensor Thresholds
// for threshold sensors when asked), all issued together so the session's window keeps many in
// flight. This is what makes a warm `sensor list` one round trip plus the readings.
import type { Requester, RequestOptions } from '../../client/requester';
import { IpmiError } from '../../errors';
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

/**
 * Completion codes by which a BMC says it has no per-reading factors for this sensor: invalid command
 * (0xC1, 0xC2 for the LUN), parameter out of range / invalid data (0xC9, 0xCC), sensor or data not
 * present (0xCB), not supported in the present state (0xD5). The sensor is then shown without a value.
 */
const FACTORS_NOT_SUPPORTED = new Set([0xc1, 0xc2, 0xc9, 0xcb, 0xcc, 0xd5]);

function factorsNotSupported(e: unknown): boolean {
  return (
    e instanceof IpmiError &&
    (e.kind === 'unsupported' ||
      (e.kind === 'completion-code' &&
        e.completionCode !== undefined &&
        FACTORS_NOT_SUPPORTED.has(e.completionCode)))
  );
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
      // only "no factors here" leaves the value blank; cancellation, timeouts, malformed replies and
      // anything that is not an IpmiError still fail the read
      factors = await getSensorReadingFactors(r, address(rec), reading.raw, opts).catch((e: unknown) => {
        if (factorsNotSupported(e)) return undefined;
        throw e;
      });
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
