// Per-call options (cancel signal, timeout) for command modules that take none: a Requester that adds
// them to every request it passes on. Views take `{ signal }` from the IPC handler (cancel, app quit).
import type { IpmiRequest, Requester, RequestOptions } from '../ipmi/client/requester';

export interface ViewOptions {
  signal?: AbortSignal;
}

export function withRequestOptions(r: Requester, opts: RequestOptions | undefined): Requester {
  if (!opts || Object.keys(opts).length === 0) return r;
  return {
    host: r.host,
    request: (req: IpmiRequest, o?: RequestOptions) => r.request(req, { ...opts, ...o }),
    raw: (req: IpmiRequest, o?: RequestOptions) => r.raw(req, { ...opts, ...o }),
  };
}

/** The view modules' form: only the signal of their options reaches the requests. */
export const withOptions = (r: Requester, opts?: ViewOptions): Requester =>
  withRequestOptions(r, opts?.signal ? { signal: opts.signal } : undefined);
