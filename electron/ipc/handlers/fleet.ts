// Fleet power status: every host through the pool, `concurrency` at a time, one progress item per host.
// Cancel stops starting new hosts and aborts requests in flight; the result lists the hosts finished.
import type { AppServices } from './context';
import type { Handlers } from '../dispatch';
import { getChassisStatus } from './ipmi-views';
import { toErrorData } from '../errors';
import type { z } from 'zod';
import type { fleetPowerItem } from '../../../shared/contract/fleet';

type Item = z.infer<typeof fleetPowerItem>;

export function fleetHandlers(s: AppServices): Pick<Handlers, 'fleet.powerStatus'> {
  return {
    'fleet.powerStatus': async ({ hostIds, concurrency }, ctx) => {
      const signal = ctx.signal;
      const results: Item[] = [];
      let next = 0;
      const total = hostIds.length;
      const worker = async () => {
        while (!signal.aborted && next < hostIds.length) {
          const hostId = hostIds[next++]!;
          let item: Item;
          try {
            const st = await s.pool.use(hostId, (session) => getChassisStatus(session, { signal }));
            item = { hostId, power: st.power };
          } catch (e) {
            if (signal.aborted) break;
            item = { hostId, error: toErrorData(e) };
          }
          results.push(item);
          ctx.operation?.progress(results.length, total, item);
        }
      };
      await Promise.all(Array.from({ length: Math.min(concurrency ?? 32, total) }, worker));
      return { results, cancelled: signal.aborted };
    },
  };
}
