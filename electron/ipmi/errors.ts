// Typed errors for everything the stack can report. A UI can explain each one: it carries the host,
// the command (spec name), and for BMC refusals the completion code or RMCP+ status code.
import { completionCodeText } from './message/completion-codes';

export type IpmiErrorKind =
  | 'timeout' // no answer after every retry
  | 'unknown-user' // the BMC says the user name does not exist
  | 'wrong-password' // RAKP 2 / RAKP 4 / v1.5 authcode did not verify, or the BMC rejected the integrity check
  | 'auth-failed' // login refused, cause not distinguishable from the BMC's answer
  | 'unsupported-cipher-suite'
  | 'unsupported-auth-type'
  | 'insecure-refused' // cipher suite 0 / auth type none without the caller's explicit consent
  | 'privilege' // requested privilege not available to this user or channel
  | 'completion-code' // the BMC answered with a non-zero completion code
  | 'rmcp-status' // a non-zero RMCP+ status code during session setup
  | 'argument' // bad input, rejected before anything was sent
  | 'protocol' // the BMC answered with something malformed
  | 'closed' // the client was closed
  | 'cancelled' // the caller aborted
  | 'unsupported' // the BMC lacks the feature (e.g. an OEM extension)
  | 'busy' // the BMC answered "node busy" (0xC0), or the host is busy with another exclusive operation
  | 'verify-failed' // a write was accepted but reading it back shows another value
  | 'lockout'; // refused: the change would cut this app off the BMC and the caller did not confirm it

export interface IpmiErrorInit {
  host?: string;
  command?: string;
  completionCode?: number;
  rmcpStatus?: number;
  tries?: number;
  netFn?: number;
  cmd?: number;
  /** lockout / verify-failed: stable reason codes a UI translates */
  reasons?: string[];
  cause?: unknown;
}

export class IpmiError extends Error {
  readonly kind: IpmiErrorKind;
  readonly host: string | undefined;
  readonly command: string | undefined;
  readonly completionCode: number | undefined;
  readonly rmcpStatus: number | undefined;
  readonly tries: number | undefined;
  readonly netFn: number | undefined;
  readonly cmd: number | undefined;
  readonly reasons: string[] | undefined;

  constructor(kind: IpmiErrorKind, message: string, init: IpmiErrorInit = {}) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'IpmiError';
    this.kind = kind;
    this.host = init.host;
    this.command = init.command;
    this.completionCode = init.completionCode;
    this.rmcpStatus = init.rmcpStatus;
    this.tries = init.tries;
    this.netFn = init.netFn;
    this.cmd = init.cmd;
    this.reasons = init.reasons;
  }

  /** Plain data for IPC and logs; never contains secrets. */
  toJSON(): Record<string, unknown> {
    return {
      kind: this.kind,
      message: this.message,
      host: this.host,
      command: this.command,
      completionCode: this.completionCode,
      rmcpStatus: this.rmcpStatus,
      tries: this.tries,
      netFn: this.netFn,
      cmd: this.cmd,
    };
  }
}

export function completionCodeError(
  host: string,
  command: string,
  netFn: number,
  cmd: number,
  code: number,
): IpmiError {
  const text = completionCodeText(code, netFn, cmd);
  // a UI explains these two differently from a generic refusal: "not allowed" and "try again"
  const kind: IpmiErrorKind = code === 0xd4 ? 'privilege' : code === 0xc0 ? 'busy' : 'completion-code';
  return new IpmiError(
    kind,
    `${host}: ${command} failed: ${text} (completion code 0x${code.toString(16).padStart(2, '0')})`,
    {
      host,
      command,
      completionCode: code,
      netFn,
      cmd,
    },
  );
}

export function argumentError(message: string, init: IpmiErrorInit = {}): IpmiError {
  return new IpmiError('argument', message, init);
}

export const isIpmiError = (e: unknown): e is IpmiError => e instanceof IpmiError;
