import type { AppServices } from './context';
import type { Handlers } from '../dispatch';
import { readSessionInfoView } from '../../views/session-info';

export function sessionInfoHandlers(s: AppServices): Pick<Handlers, 'session.info'> {
  return {
    'session.info': async ({ hostId }, ctx) =>
      s.pool.use(hostId, (r) => readSessionInfoView(r, { signal: ctx.signal })),
  };
}
