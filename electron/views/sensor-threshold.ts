// Writing a sensor's thresholds from values in its units: checked against what the SDR allows, sent
// as one Set Sensor Thresholds (IPMI v2.0 §35.8: the mask names every threshold written), then read
// back with Get Sensor Thresholds; a threshold that reads back as another raw byte fails with
// `verify-failed` naming it. Returns the sensor's view as read after the write.
import type { SensorView, ThresholdKey } from '../../shared/domain/sensor';
import type { Requester, RequestOptions } from '../ipmi/client/requester';
import { argumentError, IpmiError } from '../ipmi/errors';
import { readSensor } from '../ipmi/commands/sensor/sensor-snapshot';
import { getSensorThresholds, setSensorThresholds } from '../ipmi/commands/sensor/sensor-thresholds';
import { valueToRaw } from '../ipmi/decode/reading-conversion';
import { isThresholdSensor, type SdrRecord } from '../ipmi/decode/sdr/sdr-record';
import { THRESHOLD_BITS } from '../ipmi/decode/sdr/sensor-record-common';
import { sensorView } from './sensor';

export interface ThresholdValue {
  threshold: ThresholdKey;
  value: number;
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
