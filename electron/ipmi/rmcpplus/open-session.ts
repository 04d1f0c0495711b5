// RMCP+ Open Session Request / Response (IPMI v2.0 §13.17, §13.18).
import type { CipherSuite } from './cipher-suites';
import { AUTH_ALG_CODE, CONF_ALG_CODE, INTEGRITY_ALG_CODE } from './cipher-suites';

export interface OpenSessionRequest {
  tag: number;
  /** 0 = "highest level matching the proposed algorithms" */
  maxPrivilege: number;
  consoleSessionId: number;
  suite: CipherSuite;
}

const algPayload = (kind: number, alg: number) => Buffer.from([kind, 0, 0, 8, alg & 0x3f, 0, 0, 0]);

export function encodeOpenSessionRequest(r: OpenSessionRequest): Buffer {
  const head = Buffer.alloc(8);
  head[0] = r.tag;
  head[1] = r.maxPrivilege & 0x0f;
  head.writeUInt32LE(r.consoleSessionId >>> 0, 4);
  return Buffer.concat([
    head,
    algPayload(0, AUTH_ALG_CODE[r.suite.auth]),
    algPayload(1, INTEGRITY_ALG_CODE[r.suite.integrity]),
    algPayload(2, CONF_ALG_CODE[r.suite.confidentiality]),
  ]);
}

export interface OpenSessionResponse {
  tag: number;
  status: number;
  maxPrivilege: number;
  /** absent in the short error replies some BMCs send (OpenIPMI: tag and status only) */
  consoleSessionId: number | undefined;
  /** present only when status is 0 */
  bmcSessionId?: number;
  auth?: number;
  integrity?: number;
  confidentiality?: number;
}

export function decodeOpenSessionResponse(p: Buffer): OpenSessionResponse | undefined {
  if (p.length < 2) return undefined;
  const r: OpenSessionResponse = {
    tag: p[0]!,
    status: p[1]!,
    maxPrivilege: (p[2] ?? 0) & 0x0f,
    consoleSessionId: p.length >= 8 ? p.readUInt32LE(4) : undefined,
  };
  if (r.status !== 0) return r;
  if (r.consoleSessionId === undefined) return undefined;
  if (p.length < 36) return undefined;
  r.bmcSessionId = p.readUInt32LE(8);
  r.auth = p[16]! & 0x3f;
  r.integrity = p[24]! & 0x3f;
  r.confidentiality = p[32]! & 0x3f;
  return r;
}
