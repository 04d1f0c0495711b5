// Writing a sensor's thresholds from values in its units: checked against what the SDR allows, sent
// as one Set Sensor Thresholds (IPMI v2.0 §35.8: the mask names every threshold written), then read
// back with Get Sensor Thresholds (values that would leave the thresholds out of order are refused
// first, naming the field); a threshold that reads back as another raw byte fails with
// `verify-failed` naming it. Returns the sensor's view as read after the write.
import type { SensorView, ThresholdKey } from '../../shared/domain/sensor';
import type { Requester, RequestOptions } from '../ipmi/client/requester';
import { argumentError, IpmiError } from '../ipmi/errors';
import { readSensor } from '../ipmi/commands/sensor/sensor-snapshot';
import {
  getSensorThresholds,
  setSensorThresholds,
  type SensorThresholds,
} from '../ipmi/commands/sensor/sensor-thresholds';
import { convertReading, valueToRaw } from '../ipmi/decode/reading-conversion';
import type { FullSensorRecord } from '../ipmi/decode/sdr/full-sensor-record';
import { THRESHOLD_ORDER } from '../../shared/domain/sensor';
import { isThresholdSensor, type SdrRecord } from '../ipmi/decode/sdr/sdr-record';
import { THRESHOLD_BITS } from '../ipmi/decode/sdr/sensor-record-common';
import { sensorView } from './sensor';

export interface ThresholdValue {
  threshold: ThresholdKey;
  value: number;
}

/**
 * The thresholds must stay in order after the write (lnr < lcr < lnc < unc < ucr < unr, in units):
 * each one set is compared with its nearest neighbours that the BMC reports, as ipmitool's `sensor
 * thresh` checks a single value. Thresholds not being set are not compared with each other, so a BMC
 * that ships two equal ones still takes a write to a third.
 */
function checkOrder(
  rec: FullSensorRecord,
  values: readonly ThresholdValue[],
  current: SensorThresholds,
  host: string,
): void {
  const given = new Map(values.map((v, i) => [v.threshold, { value: v.value, i }]));
  const valueOf = (n: ThresholdKey): number | undefined => {
    const g = given.get(n);
    if (g) return g.value;
    if (!(current.readable & THRESHOLD_BITS[n])) return undefined;
    return convertReading(rec, current.raw[n]);
  };
  THRESHOLD_ORDER.forEach((name, k) => {
    const g = given.get(name);
    if (!g) return;
    const below = THRESHOLD_ORDER.slice(0, k)
      .reverse()
      .find((n) => valueOf(n) !== undefined);
    const above = THRESHOLD_ORDER.slice(k + 1).find((n) => valueOf(n) !== undefined);
    if ((below && !(valueOf(below)! < g.value)) || (above && !(g.value < valueOf(above)!)))
      throw argumentError(
        `values.${g.i}.value: ${name} ${g.value} of sensor "${rec.id}" must lie ` +
          [below && `above ${below} (${valueOf(below)})`, above && `below ${above} (${valueOf(above)})`]
            .filter(Boolean)
            .join(' and '),
        { host },
      );
  });
}

export async function setThresholdsView(
  r: Requester,
  records: readonly SdrRecord[],
  recordId: number,
  values: readonly ThresholdValue[],
  opts: RequestOptions = {},
): Promise<SensorView> {
  const rec = records.find((x) => x.recordId === recordId);
  if (!rec || (rec.kind !== 'full' && rec.kind !== 'compact'))
    throw argumentError(`recordId: the SDR has no sensor record ${recordId}`, { host: r.host });
  if (rec.kind !== 'full' || !isThresholdSensor(rec))
    throw argumentError(`recordId: sensor "${rec.id}" has no thresholds that can be set in units`, {
      host: r.host,
    });
  if (rec.capabilities.thresholdAccess !== 2)
    throw argumentError(`recordId: the thresholds of sensor "${rec.id}" are not settable`, { host: r.host });
  const raw: Partial<Record<ThresholdKey, number>> = {};
  values.forEach(({ threshold, value }, i) => {
    if (!(rec.settableThresholds & THRESHOLD_BITS[threshold]))
      throw argumentError(`values.${i}.threshold: ${threshold} of sensor "${rec.id}" is not settable`, {
        host: r.host,
      });
    try {
      raw[threshold] = valueToRaw(rec, value);
    } catch (e) {
      if (e instanceof IpmiError) throw argumentError(`values.${i}.value: ${e.message}`, { host: r.host });
      throw e;
    }
  });
  const addr = { number: rec.number, ownerLun: rec.ownerLun };
  checkOrder(rec, values, await getSensorThresholds(r, addr, opts), r.host);
  await setSensorThresholds(r, addr, raw, opts);
  const back = await getSensorThresholds(r, addr, opts);
  const wrong = (Object.keys(raw) as ThresholdKey[]).filter(
    (n) => !(back.readable & THRESHOLD_BITS[n]) || back.raw[n] !== raw[n],
  );
  if (wrong.length)
    throw new IpmiError(
      'verify-failed',
      `${r.host}: sensor "${rec.id}" reads back other ${wrong.join(', ')} thresholds than were set`,
      { host: r.host, command: 'Get Sensor Thresholds', reasons: wrong.map((n) => `threshold-${n}`) },
    );
  return sensorView(await readSensor(r, rec, { ...opts, thresholds: true }));
}
