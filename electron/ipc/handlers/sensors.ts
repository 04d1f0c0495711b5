// sensors.list and sensors.setThreshold over the host's pooled session, the SDR from s.sdr.
import type { AppServices } from './context';
import type { Handlers } from '../dispatch';
import { SdrCache } from '../../services/sdr-cache';
import { readSensorViews } from '../../views/sensor';
import { setThresholdsView } from '../../views/sensor-threshold';

export function sensorsHandlers(s: AppServices): Pick<Handlers, 'sensors.list' | 'sensors.setThreshold'> {
  const key = (hostId: string) => SdrCache.key(s.inventory.require(hostId));
  return {
    'sensors.list': async ({ hostId, thresholds, refresh }, ctx) =>
      s.pool.use(hostId, async (session) => {
        const sdr = await s.sdr.load(session, key(hostId), {
          signal: ctx.signal,
          refresh,
          onProgress: (done, total) => ctx.operation?.progress(done, total, { phase: 'sdr' }),
        });
        const sensors = await readSensorViews(session, sdr.records, {
          signal: ctx.signal,
          thresholds: thresholds ?? true,
          onSensor: (done, total) => ctx.operation?.progress(done, total, { phase: 'readings' }),
        });
        return { sensors, sdrSource: sdr.source, sdrRecords: sdr.records.length };
      }),
    'sensors.setThreshold': async ({ hostId, recordId, values }, ctx) =>
      s.pool.use(hostId, async (session) =>
        setThresholdsView(
          session,
          (await s.sdr.load(session, key(hostId), { signal: ctx.signal })).records,
          recordId,
          values,
          {
            signal: ctx.signal,
          },
        ),
      ),
  };
}
