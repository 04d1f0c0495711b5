import type { AppServices } from './context';
import type { Handlers } from '../dispatch';
import { readSolView, setSolView } from '../../views/sol';

/** ipmitool's default: the channel the request arrives on */
const CURRENT_CHANNEL = 0x0e;

export function solHandlers(s: AppServices): Pick<Handlers, 'sol.config.get' | 'sol.config.set'> {
  return {
    'sol.config.get': async ({ hostId, channel }, ctx) =>
      s.pool.use(hostId, (r) => readSolView(r, { channel: channel ?? CURRENT_CHANNEL, signal: ctx.signal })),
    'sol.config.set': async ({ hostId, channel, settings }, ctx) =>
      s.pool.use(hostId, (r) =>
        setSolView(r, { channel: channel ?? CURRENT_CHANNEL, settings, signal: ctx.signal }),
      ),
  };
}
