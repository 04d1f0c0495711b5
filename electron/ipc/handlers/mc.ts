import type { AppServices } from './context';
import type { Handlers } from '../dispatch';
import { getDeviceId } from './ipmi-views';

export function mcHandlers(s: AppServices): Pick<Handlers, 'mc.info'> {
  return {
    'mc.info': async ({ hostId }, ctx) =>
      s.pool.use(hostId, (session) => getDeviceId(session, { signal: ctx.signal })),
  };
}
