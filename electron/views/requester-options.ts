// A Requester view that adds per-call options (cancel signal, timeout) to every request, for command
// modules that take no options themselves.
import type { IpmiRequest, Requester, RequestOptions } from '../ipmi/client/requester';

export function withRequestOptions(r: Requester, opts: RequestOptions | undefined): Requester {
  if (!opts || Object.keys(opts).length === 0) return r;
  return {
    host: r.host,
    request: (req: IpmiRequest, o?: RequestOptions) => r.request(req, { ...opts, ...o }),
    raw: (req: IpmiRequest, o?: RequestOptions) => r.raw(req, { ...opts, ...o }),
  };
}
