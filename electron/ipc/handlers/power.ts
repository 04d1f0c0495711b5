import type { AppServices } from './context';
import type { Handlers } from '../dispatch';
import { readChassisStatusView } from '../../views/chassis';

export function powerHandlers(s: AppServices): Pick<Handlers, 'power.status' | 'chassis.status'> {
  return {
    'power.status': async ({ hostId }, ctx) => {
      const st = await s.pool.use(hostId, (session) =>
        readChassisStatusView(session, { signal: ctx.signal }),
      );
      return { power: st.power };
    },
    'chassis.status': async ({ hostId }, ctx) =>
      s.pool.use(hostId, (session) => readChassisStatusView(session, { signal: ctx.signal })),
  };
}
