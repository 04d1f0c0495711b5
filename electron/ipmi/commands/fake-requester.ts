// A Requester for unit tests of command modules: answers from a script keyed by "netFn/cmd" and
// records every request, so a test can assert what was sent, or that nothing was.
import type { IpmiRequest, IpmiResponse, Requester, RequestOptions } from '../client/requester';
import { completionCodeError, IpmiError } from '../errors';

export type FakeAnswer = { cc?: number; data?: number[] } | 'timeout';

export class FakeRequester implements Requester {
  readonly host = 'bmc.test';
  readonly sent: { netFn: number; cmd: number; data: number[]; opts?: RequestOptions }[] = [];
  constructor(private readonly answer: (req: IpmiRequest, index: number) => FakeAnswer) {}

  async raw(req: IpmiRequest, opts?: RequestOptions): Promise<IpmiResponse> {
    const entry: (typeof this.sent)[number] = {
      netFn: req.netFn,
      cmd: req.cmd,
      data: Array.from(req.data ?? []),
    };
    if (opts) entry.opts = opts;
    this.sent.push(entry);
    const a = this.answer(req, this.sent.length - 1);
    if (a === 'timeout') throw new IpmiError('timeout', `${this.host}: no answer`, { host: this.host });
    return { completionCode: a.cc ?? 0, data: Buffer.from(a.data ?? []) };
  }

  async request(req: IpmiRequest, opts?: RequestOptions): Promise<Buffer> {
    const r = await this.raw(req, opts);
    if (r.completionCode !== 0)
      throw completionCodeError(this.host, 'request', req.netFn, req.cmd, r.completionCode);
    return r.data;
  }
}

/** A fake that answers every request with the same reply. */
export const answering = (a: FakeAnswer) => new FakeRequester(() => a);
