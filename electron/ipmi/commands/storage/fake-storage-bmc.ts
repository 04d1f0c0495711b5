// A scripted Requester for storage command unit tests: answers by (netFn, cmd) with a handler and
// records every request, so tests can assert what went on the wire. Not a BMC model.
import type { IpmiRequest, IpmiResponse, Requester } from '../../client/requester';
import { completionCodeError } from '../../errors';

export type Handler = (data: Buffer) => IpmiResponse;

export class FakeRequester implements Requester {
  readonly host = 'fake-bmc';
  readonly sent: { netFn: number; cmd: number; data: string }[] = [];
  constructor(private readonly handlers: Record<number, Handler>) {}

  async raw(req: IpmiRequest): Promise<IpmiResponse> {
    const data = Buffer.from(req.data ?? []);
    this.sent.push({ netFn: req.netFn, cmd: req.cmd, data: data.toString('hex') });
    const h = this.handlers[req.cmd];
    if (!h) return { completionCode: 0xc1, data: Buffer.alloc(0) };
    return h(data);
  }

  async request(req: IpmiRequest): Promise<Buffer> {
    const rsp = await this.raw(req);
    if (rsp.completionCode !== 0)
      throw completionCodeError(this.host, 'test', req.netFn, req.cmd, rsp.completionCode);
    return rsp.data;
  }
}

export const ok = (hex: string): IpmiResponse => ({
  completionCode: 0,
  data: Buffer.from(hex.replace(/\s+/g, ''), 'hex'),
});
export const cc = (code: number): IpmiResponse => ({ completionCode: code, data: Buffer.alloc(0) });
