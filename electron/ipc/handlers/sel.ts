// sel.* calls: one-liners over the SEL views (electron/views/sel.ts). sel.list names sensors from the
// SDR, read through the SDR loader without an on-disk cache until the app's SDR cache service is
// available to handlers (it is read-only here).
import type { AppServices } from './context';
import type { Handlers, CallContext } from '../dispatch';
import type { Requester } from '../../ipmi/client/requester';
import { SdrCache } from '../../services/sdr-cache';
import type { SelEvent } from '../../../shared/domain/sel';
import {
  clearSelView,
  deleteSelView,
  readSelPage,
  readSelTimeView,
  setSelTimeView,
  syncSelTimeView,
} from '../../views/sel';

type SelHandlers = Pick<
  Handlers,
  'sel.list' | 'sel.clear' | 'sel.delete' | 'sel.time.get' | 'sel.time.set' | 'sel.time.sync'
>;

/** The host's SDR from the app's cache (one Get SDR Repository Info when warm), read only when needed. */
const sdrOf = (s: AppServices, hostId: string, session: Requester, ctx: CallContext) => async () =>
  (await s.sdr.load(session, SdrCache.key(s.inventory.require(hostId)), { signal: ctx.signal })).records;
const progress = (ctx: CallContext) => (ev: SelEvent, done: number, total: number) =>
  ctx.operation?.progress(done, total, ev);

export function selHandlers(s: AppServices): SelHandlers {
  return {
    'sel.list': async ({ hostId, cursor, limit, last, sensors }, ctx) =>
      s.pool.use(hostId, (session) =>
        readSelPage(
          session,
          { cursor, limit, last },
          {
            signal: ctx.signal,
            sdr: sensors === false ? undefined : sdrOf(s, hostId, session, ctx),
            onEvent: progress(ctx),
          },
        ),
      ),
    'sel.clear': async ({ hostId, export: exportFirst }, ctx) =>
      s.pool.use(hostId, (session) =>
        clearSelView(session, exportFirst === true, {
          signal: ctx.signal,
          sdr: sdrOf(s, hostId, session, ctx),
          onEvent: progress(ctx),
        }),
      ),
    'sel.delete': async ({ hostId, ids }, ctx) =>
      s.pool.use(hostId, (session) => deleteSelView(session, ids, { signal: ctx.signal })),
    'sel.time.get': async ({ hostId }, ctx) =>
      s.pool.use(hostId, (session) => readSelTimeView(session, { signal: ctx.signal })),
    'sel.time.set': async ({ hostId, seconds }, ctx) =>
      s.pool.use(hostId, (session) => setSelTimeView(session, seconds, { signal: ctx.signal })),
    'sel.time.sync': async ({ hostId }, ctx) =>
      s.pool.use(hostId, (session) => syncSelTimeView(session, { signal: ctx.signal })),
  };
}
