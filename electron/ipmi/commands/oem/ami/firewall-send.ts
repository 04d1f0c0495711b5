// One AMI firewall request on the wire, and the host-naming wrappers every firewall error goes through.
// Shared by the writer (firewall.ts) and the reader (firewall-read.ts).
import { IpmiError, completionCodeError } from '../../../errors';
import type { IpmiResponse, Requester, RequestOptions } from '../../../client/requester';
import { CMD_SET_FIREWALL, GET_FIREWALL_NAME, NETFN_AMI, SET_FIREWALL_NAME } from './firewall-layout';

const nameOf = (cmd: number) => (cmd === CMD_SET_FIREWALL ? SET_FIREWALL_NAME : GET_FIREWALL_NAME);

/**
 * Sends one request; a BMC without the extension answers "Invalid command" (0xC1), reported as kind
 * 'unsupported' rather than as a bare completion code. Any other completion code is returned.
 */
export async function sendRaw(
  r: Requester,
  cmd: number,
  data: Uint8Array,
  opts?: RequestOptions,
): Promise<IpmiResponse> {
  const rsp = await (opts
    ? r.raw({ netFn: NETFN_AMI, cmd, data }, opts)
    : r.raw({ netFn: NETFN_AMI, cmd, data }));
  if (rsp.completionCode === 0xc1) {
    throw new IpmiError(
      'unsupported',
      `${r.host}: this BMC has no AMI firewall extension (${nameOf(cmd)} is an invalid command there)`,
      { host: r.host, command: nameOf(cmd), completionCode: 0xc1, netFn: NETFN_AMI, cmd },
    );
  }
  return rsp;
}

/** The completion-code error for a reply `sendRaw` returned. */
export const firewallCodeError = (r: Requester, cmd: number, code: number): IpmiError =>
  completionCodeError(r.host, nameOf(cmd), NETFN_AMI, cmd, code);

/** Sends one request and returns the reply data; any non-zero completion code is a typed error. */
export async function send(r: Requester, cmd: number, data: Uint8Array): Promise<Buffer> {
  const rsp = await sendRaw(r, cmd, data);
  if (rsp.completionCode !== 0) throw firewallCodeError(r, cmd, rsp.completionCode);
  return rsp.data;
}

/** Runs an encoder or decoder and re-issues its typed error with the host filled in. */
export function withHost<T>(host: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof IpmiError && e.host === undefined) {
      throw new IpmiError(e.kind, `${host}: ${e.message}`, {
        host,
        command: e.command,
        netFn: e.netFn,
        cmd: e.cmd,
        cause: e.cause,
      });
    }
    throw e;
  }
}
