import type { AppServices } from './context';
import type { Handlers } from '../dispatch';
import { readDeviceView } from '../../views/device';
import { readSystemGuidView } from '../../views/guid';
import { resetAndWait } from '../../services/mc-reset';

export function mcHandlers(s: AppServices): Pick<Handlers, 'mc.info' | 'mc.guid' | 'mc.reset'> {
  return {
    'mc.info': async ({ hostId }, ctx) =>
      s.pool.use(hostId, (session) => readDeviceView(session, { signal: ctx.signal })),
    'mc.guid': async ({ hostId }, ctx) =>
      s.pool.use(hostId, (session) => readSystemGuidView(session, { signal: ctx.signal })),
    'mc.reset': async ({ hostId, kind, waitSeconds }, ctx) => {
      const host = s.inventory.require(hostId);
      const waitMs = (waitSeconds ?? 120) * 1000;
      return resetAndWait(
        {
          host,
          password: await s.pool.password(host),
          use: (fn) => s.pool.use(hostId, fn),
          closePooled: () => s.pool.close(hostId),
          connectUnpooled: (o) => s.pool.connectUnpooled(o),
        },
        kind,
        {
          signal: ctx.signal,
          waitMs,
          progress: (p) => ctx.operation?.progress(Math.min(p.elapsedMs, waitMs), waitMs, p),
        },
      );
    },
  };
}
