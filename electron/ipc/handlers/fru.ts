// fru.read over the host's pooled session: one device, or the built-in FRU and the SDR's FRU devices
// (SDR from s.sdr), one progress item per device. A device that cannot be read is listed with its
// error as data; the others are still read.
import type { AppServices } from './context';
import type { Handlers } from '../dispatch';
import { SdrCache } from '../../services/sdr-cache';
import { readFruDevices, type FruDeviceRead } from '../../views/fru';
import type { FruDevice } from '../../../shared/domain/fru';
import { toErrorData } from '../errors';

const asData = ({ error, ...d }: FruDeviceRead): FruDevice =>
  error === undefined ? d : { ...d, error: toErrorData(error) };

export function fruHandlers(s: AppServices): Pick<Handlers, 'fru.read'> {
  return {
    'fru.read': async ({ hostId, deviceId }, ctx) =>
      s.pool.use(hostId, async (session) => {
        const key = SdrCache.key(s.inventory.require(hostId));
        const devices = await readFruDevices(
          session,
          async () => (await s.sdr.load(session, key, { signal: ctx.signal })).records,
          {
            deviceId,
            signal: ctx.signal,
            onDevice: (done, total, d) => ctx.operation?.progress(done, total, asData(d)),
          },
        );
        return { devices: devices.map(asData) };
      }),
  };
}
