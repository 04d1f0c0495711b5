// Bridging to another controller on an IPMB channel (ipmitool -t/-b): the request is wrapped in a
// Send Message (IPMI v2.0 §22.7) with "track request" set. The target's response comes back in one of
// two shapes, both of which ipmitool 1.8.19 accepts (lanplus.c / lan.c):
//  - embedded: the Send Message response data is the target's whole IPMB response message;
//  - follow-up: the Send Message response is a bare completion code 00h, and the target's response
//    arrives as a message of its own under the Send Message's sequence number (ipmi_sim does this).
// The session keeps the request waiting for the follow-up; this module builds the request and unpacks
// either shape. The embedded request uses the outer sequence number, as ipmitool does, so a BMC that
// passes the target's sequence number through still matches.
import { IpmiError } from '../errors';
import { BMC_SLAVE_ADDRESS, decodeResponse, encodeRequest } from '../message/ipmi-message';
import type { BridgeTarget } from './session-types';
import {
  dataOrThrow,
  type IpmiRequest,
  type IpmiResponse,
  type RequestOptions,
  type Requester,
} from './requester';
import { commandName } from './command-names';

const TRACK_REQUEST = 0x40;

/** What the session sends for a bridged request. */
export interface BridgedSend {
  /** Send Message request data for the given sequence number */
  data(rqSeq: number): Buffer;
  /** the embedded request's NetFn and command: what a follow-up response carries */
  netFn: number;
  cmd: number;
}

export interface BridgedReply extends IpmiResponse {
  /** true: this is the target's own response, delivered as a separate message */
  followUp?: boolean;
}

/** A session as the bridge sees it: direct requests, plus a Send Message that may end in a follow-up. */
export interface BridgeCarrier extends Requester {
  sendMessage(send: BridgedSend, opts?: RequestOptions): Promise<BridgedReply>;
}

export function bridgedRequester(direct: BridgeCarrier, target: BridgeTarget): Requester {
  const channel = target.channel ?? 0;
  const hex = (n: number) => '0x' + n.toString(16).padStart(2, '0');
  if (!Number.isInteger(target.address) || target.address < 0 || target.address > 0xff || target.address & 1)
    throw new IpmiError('argument', `${direct.host}: invalid IPMB target address ${hex(target.address)}`, {
      host: direct.host,
    });
  if (!Number.isInteger(channel) || channel < 0 || channel > 0x0f)
    throw new IpmiError('argument', `${direct.host}: invalid bridge channel ${channel}`, {
      host: direct.host,
    });
  const raw = async (req: IpmiRequest, opts?: RequestOptions): Promise<IpmiResponse> => {
    const send: BridgedSend = {
      netFn: req.netFn,
      cmd: req.cmd,
      data: (rqSeq) =>
        Buffer.concat([
          Buffer.from([TRACK_REQUEST | channel]),
          encodeRequest({
            rsAddr: target.address,
            netFn: req.netFn,
            rsLun: req.lun ?? 0,
            rqAddr: BMC_SLAVE_ADDRESS,
            rqSeq,
            cmd: req.cmd,
            data: req.data,
          }),
        ]),
    };
    const outer = await direct.sendMessage(send, opts);
    if (outer.followUp) return { completionCode: outer.completionCode, data: outer.data };
    // A Send Message error (e.g. 0x83 "NAK on write": nobody at that address) is the answer, as in ipmitool.
    if (outer.completionCode !== 0) return { completionCode: outer.completionCode, data: outer.data };
    const embedded = decodeResponse(outer.data);
    if (!embedded || embedded.cmd !== req.cmd || (embedded.netFn & 0x3e) !== req.netFn)
      throw new IpmiError(
        'protocol',
        `${direct.host}: malformed bridged response to ${commandName(req.netFn, req.cmd)} from target ${hex(target.address)}`,
        { host: direct.host, command: commandName(req.netFn, req.cmd) },
      );
    return { completionCode: embedded.completionCode, data: Buffer.from(embedded.data) };
  };
  return {
    host: direct.host,
    raw,
    async request(req, opts) {
      const r = await raw(req, opts);
      return dataOrThrow(direct.host, req, r);
    },
  };
}
