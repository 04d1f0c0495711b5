import type { AppServices } from './context';
import type { Handlers } from '../dispatch';
import { sendRawView } from '../../views/raw';

export function rawHandlers(s: AppServices): Pick<Handlers, 'raw.send'> {
  return {
    'raw.send': async ({ hostId, ...req }, ctx) =>
      s.pool.use(hostId, (r) => sendRawView(r, req, { signal: ctx.signal })),
  };
}
