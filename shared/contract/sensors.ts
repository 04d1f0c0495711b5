// Sensors of one host: the list (SDR from the cache, all readings in flight at once) and threshold
// writes, read back before they are reported done.
import { z } from 'zod';
import { call, operationId } from './define';
import { hostId } from '../domain/host';
import { sensorView, thresholdName } from '../domain/sensor';

export const sensorsListProgress = z.strictObject({
  /** `sdr`: reading the repository (cold cache only); `readings`: reading the sensors */
  phase: z.enum(['sdr', 'readings']),
});

export const sensorsList = z.strictObject({
  sensors: z.array(sensorView),
  /** where the SDR came from: `cache` (one request checked it is current) or `bmc` (read again) */
  sdrSource: z.enum(['cache', 'bmc']),
  /** records in the repository (sensors and the others: locators, entity associations) */
  sdrRecords: z.number().int().min(0),
});

export const sensorsCalls = {
  'sensors.list': call({
    summary:
      'Every sensor of the host with its reading, status and thresholds (SDR cached per host; progress per sensor)',
    privilege: 'user',
    input: z.strictObject({
      hostId,
      operationId,
      /** also read each threshold sensor's live thresholds (default true) */
      thresholds: z.boolean().optional(),
      /** read the SDR from the BMC even if the cached copy is current */
      refresh: z.boolean().optional(),
    }),
    output: sensorsList,
    progress: sensorsListProgress,
    example: { hostId: 'h0example01', operationId: 'op-example-0003' },
  }),
  'sensors.setThreshold': call({
    summary:
      "Sets one or more thresholds of a sensor (values in the sensor's units), reads them back and returns the sensor",
    privilege: 'operator',
    input: z.strictObject({
      hostId,
      /** the sensor's SDR record id (SensorView.recordId) */
      recordId: z.number().int().min(0).max(0xfffe),
      /** thresholds to set, each once; values in the sensor's units (converted to the raw byte) */
      values: z
        .array(z.strictObject({ threshold: thresholdName, value: z.number() }))
        .min(1)
        .max(6)
        .refine((v) => new Set(v.map((x) => x.threshold)).size === v.length, 'a threshold is given twice'),
    }),
    output: sensorView,
    example: { hostId: 'h0example01', recordId: 1, values: [{ threshold: 'ucr', value: 90 }] },
  }),
};
