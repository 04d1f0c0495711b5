// What every command module declares about itself, and the one way commands talk to a Requester:
// the BMC's refusal becomes an IpmiError that names the command by its spec title.
import type { IpmiRequest, Requester, RequestOptions } from '../client/requester';
import { completionCodeError, IpmiError } from '../errors';

export interface CommandSpec {
  readonly netFn: number;
  readonly cmd: number;
  /** the IPMI spec's title, used in errors */
  readonly name: string;
  /** false for a command that must not run twice (chassis control, resets, SEL clear): the session
   *  retransmits it only on the fixed schedule, inside the BMC's duplicate-detection window, never early
   *  on the adaptive timer. Absent = safe to repeat (reads, idempotent sets). */
  readonly idempotent?: false;
}

/** Sends one command; resolves with the response data after the completion code. */
export async function call(
  r: Requester,
  spec: CommandSpec,
  data?: Uint8Array,
  opts?: RequestOptions,
): Promise<Buffer> {
  const req: IpmiRequest = { netFn: spec.netFn, cmd: spec.cmd };
  if (data) req.data = data;
  const rsp = await r.raw(req, spec.idempotent === false ? { ...opts, idempotent: false } : opts);
  if (rsp.completionCode !== 0)
    throw completionCodeError(r.host, spec.name, spec.netFn, spec.cmd, rsp.completionCode);
  return rsp.data;
}

/** A response shorter than the spec allows is the BMC's fault, reported as kind 'protocol'. */
export function requireLength(data: Uint8Array, min: number, spec: CommandSpec, host = ''): void {
  if (data.length < min) {
    throw new IpmiError(
      'protocol',
      `${host ? host + ': ' : ''}${spec.name}: response has ${data.length} data bytes, expected at least ${min}`,
      {
        host: host || undefined,
        command: spec.name,
        netFn: spec.netFn,
        cmd: spec.cmd,
      },
    );
  }
}
