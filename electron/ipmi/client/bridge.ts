// Bridging to another controller on an IPMB channel (ipmitool -t/-b): the request is wrapped in a
// Send Message (IPMI v2.0 §22.7) with "track request" set, and the target's response comes back
// embedded in the Send Message response data.
import { IpmiError, completionCodeError } from '../errors';
import { BMC_SLAVE_ADDRESS, decodeResponse, encodeRequest } from '../message/ipmi-message';
import type { BridgeTarget } from './connect';
import type { IpmiRequest, IpmiResponse, RequestOptions, Requester } from './requester';
import { commandName } from './command-names';

const TRACK_REQUEST = 0x40;
let bridgeSeq = 0;

export function bridgedRequester(direct: Requester, target: BridgeTarget): Requester {
  const channel = target.channel ?? 0;
  if (!Number.isInteger(target.address) || target.address < 0 || target.address > 0xff || target.address & 1)
    throw new IpmiError('argument', `${direct.host}: invalid IPMB target address 0x${target.address.toString(16)}`, { host: direct.host });
  if (!Number.isInteger(channel) || channel < 0 || channel > 0x0f)
    throw new IpmiError('argument', `${direct.host}: invalid bridge channel ${channel}`, { host: direct.host });
  const raw = async (req: IpmiRequest, opts?: RequestOptions): Promise<IpmiResponse> => {
    bridgeSeq = (bridgeSeq % 63) + 1;
    const inner = encodeRequest({
      rsAddr: target.address,
      netFn: req.netFn,
      rsLun: req.lun ?? 0,
      rqAddr: BMC_SLAVE_ADDRESS,
      rqSeq: bridgeSeq,
      cmd: req.cmd,
      data: req.data,
    });
    const outer = await direct.raw({ netFn: 0x06, cmd: 0x34, data: Buffer.concat([Buffer.from([TRACK_REQUEST | channel]), inner]) }, opts);
    if (outer.completionCode !== 0) return outer;
    const embedded = decodeResponse(outer.data);
    if (!embedded || embedded.cmd !== req.cmd)
      throw new IpmiError('protocol', `${direct.host}: malformed bridged response to ${commandName(req.netFn, req.cmd)} from target 0x${target.address.toString(16)}`, {
        host: direct.host,
        command: commandName(req.netFn, req.cmd),
      });
    return { completionCode: embedded.completionCode, data: embedded.data };
  };
  return {
    host: direct.host,
    raw,
    async request(req, opts) {
      const r = await raw(req, opts);
      if (r.completionCode !== 0) throw completionCodeError(direct.host, commandName(req.netFn, req.cmd), req.netFn, req.cmd, r.completionCode);
      return r.data;
    },
  };
}
