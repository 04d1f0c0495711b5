// hostStatus.snapshot / hostStatus.configure over the background poller (services/host-status); its
// changes reach the renderer as 'hosts.status' events, published by the service itself.
import type { AppServices } from './context';
import type { Handlers } from '../dispatch';

export function hostStatusHandlers(
  s: AppServices,
): Pick<Handlers, 'hostStatus.snapshot' | 'hostStatus.configure'> {
  return {
    'hostStatus.snapshot': async () => s.hostStatus.snapshot(),
    'hostStatus.configure': async (patch) => s.hostStatus.configure(stripUndefined(patch)),
  };
}

/** zod's partial() output may carry explicit undefined keys; the poller's config must not get them. */
function stripUndefined<T extends object>(o: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as never;
}
