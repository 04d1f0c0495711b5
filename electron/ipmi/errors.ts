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
  | 'unsupported'; // the BMC lacks the feature (e.g. an OEM extension)

export interface IpmiErrorInit {
  host?: string;
  command?: string;
  completionCode?: number;
  rmcpStatus?: number;
  tries?: number;
  netFn?: number;
  cmd?: number;
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
  const kind: IpmiErrorKind = code === 0xd4 ? 'privilege' : 'completion-code';
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
