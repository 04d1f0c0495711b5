import type { AppServices } from './context';
import type { Handlers } from '../dispatch';
import { readLanView } from '../../views/lan';
import { applyLan, planLan } from '../../services/lan-plan';

export function lanHandlers(s: AppServices): Pick<Handlers, 'lan.get' | 'lan.plan' | 'lan.apply'> {
  return {
    'lan.get': async ({ hostId, channel }, ctx) =>
      s.pool.use(hostId, (r) => readLanView(r, { channel, signal: ctx.signal })),
    'lan.plan': async ({ hostId, channel, settings }, ctx) =>
      s.pool.use(hostId, (r) =>
        planLan(s.plans, s.inventory.require(hostId), r, { channel, settings }, { signal: ctx.signal }),
      ),
    'lan.apply': async (args, ctx) =>
      applyLan(
        {
          plans: s.plans,
          use: (id, fn) => s.pool.use(id, fn),
          moveHost: async (id, address) => {
            await s.pool.close(id);
            await s.inventory.update(id, { address });
            s.events.emit('hosts.changed', { count: s.inventory.list().length });
          },
        },
        args,
        {
          signal: ctx.signal,
          progress: (done, total, field) => ctx.operation?.progress(done, total, { field }),
        },
      ),
  };
}
