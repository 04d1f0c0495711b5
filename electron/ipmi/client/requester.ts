import { completionCodeError } from '../errors';
import { commandName } from './command-names';
// The one interface every command module is written against. A session (v1.5 or RMCP+), a bridged
// view of a session, or a pooled connection all implement it.

export interface IpmiRequest {
  netFn: number;
  cmd: number;
  data?: Uint8Array;
  /** responder LUN, default 0 */
  lun?: number;
}

export interface RequestOptions {
  signal?: AbortSignal;
  /** overrides the session default per-attempt timeout */
  timeoutMs?: number;
  /** overrides the session default number of tries */
  retries?: number;
  /** false: the command must not run twice (chassis control, reset, SEL clear, raw of unknown effect):
   *  it is retransmitted only on the fixed schedule, inside the BMC's duplicate-detection window, never
   *  early on the adaptive timer. Default: true, except for the commands in retransmit-safety.ts
   *  and OEM NetFns. */
  idempotent?: boolean;
}

export interface IpmiResponse {
  completionCode: number;
  /** response data after the completion code */
  data: Buffer;
}

export interface Requester {
  /** how the user named the BMC (address or host name); used in every error */
  readonly host: string;
  /** Sends one request. Resolves with the data after the completion code; a non-zero completion code
   *  rejects with IpmiError kind 'completion-code' (or 'privilege' for 0xD4). */
  request(req: IpmiRequest, opts?: RequestOptions): Promise<Buffer>;
  /** Same, but a non-zero completion code is returned rather than thrown. */
  raw(req: IpmiRequest, opts?: RequestOptions): Promise<IpmiResponse>;
}

/** The response data, or the typed completion-code error every `request()` throws. */
export function dataOrThrow(host: string, req: IpmiRequest, r: IpmiResponse): Buffer {
  if (r.completionCode !== 0)
    throw completionCodeError(host, commandName(req.netFn, req.cmd), req.netFn, req.cmd, r.completionCode);
  return r.data;
}
