// Per-call options (abort signal) for command modules that take none: a Requester that adds them to
// every request it passes on. Views take `{ signal }` from the IPC handler (cancel, app quit).
import type { IpmiRequest, Requester, RequestOptions } from '../ipmi/client/requester';

export interface ViewOptions {
  signal?: AbortSignal;
}

export function withOptions(r: Requester, opts?: ViewOptions): Requester {
  if (!opts?.signal) return r;
  const extra: RequestOptions = { signal: opts.signal };
  return {
    host: r.host,
    request: (req: IpmiRequest, o?: RequestOptions) => r.request(req, { ...extra, ...o }),
    raw: (req: IpmiRequest, o?: RequestOptions) => r.raw(req, { ...extra, ...o }),
  };
}
