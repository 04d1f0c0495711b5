// The types a session is made of, in one module that imports no session code: the generic session
// (session.ts), its two protocols (rmcpplus/session20.ts, session15/session15.ts), the bridge and
// connect() all import from here, so none of them has to import another to learn a type (that made
// session ↔ connect ↔ bridge and the protocols one import cycle). connect.ts and protocol.ts re-export
// every name, so `import { … } from './connect'` keeps working.
import type { Requester } from './requester';
import type { SessionStats } from './stats';
import type { UdpEndpoint } from '../transport/udp-endpoint';

export type PrivilegeName = 'callback' | 'user' | 'operator' | 'administrator' | 'oem';
export const PRIVILEGE_LEVEL: Record<PrivilegeName, number> = {
  callback: 1,
  user: 2,
  operator: 3,
  administrator: 4,
  oem: 5,
};

export type AuthTypeName = 'none' | 'md2' | 'md5' | 'password';

export interface BridgeTarget {
  /** IPMB slave address of the target controller (ipmitool -t) */
  address: number;
  /** channel the target sits on (ipmitool -b), default 0 (primary IPMB) */
  channel?: number;
}

export interface ConnectOptions {
  host: string;
  /** UDP port, default 623 */
  port?: number;
  username: string;
  /** user password (never logged, never sent to the renderer) */
  password: string | Uint8Array;
  /** BMC key Kg for two-key logins (RMCP+ only) */
  kg?: Uint8Array;
  /** 'lanplus' = RMCP+ (IPMI 2.0, default), 'lan' = IPMI 1.5 */
  interface?: 'lanplus' | 'lan';
  /** RMCP+ cipher suite; 'auto' (default) prefers 17, then 3 */
  cipherSuite?: number | 'auto';
  /** with cipherSuite 'auto': the suite to propose first when this BMC has none cached yet (a fleet
   *  learns it from the first host that logs in, sparing every other host a refused proposal) */
  cipherSuiteHint?: number;
  /** IPMI 1.5 authentication type; default the strongest the BMC offers */
  authType?: AuthTypeName;
  /** default 'administrator' */
  privilege?: PrivilegeName;
  /** RAKP 1 user lookup: by name only (default, as ipmitool) or by name and privilege */
  nameOnlyLookup?: boolean;
  /** cipher suite 0 and IPMI 1.5 auth type none are refused unless this is true */
  allowInsecure?: boolean;
  /** per-attempt timeout of one request (ms); default 1000 */
  timeoutMs?: number;
  /** number of retransmissions after the first try; default 3 */
  retries?: number;
  /** requests in flight at once on this session; default 16 */
  window?: number;
  /** send a keepalive after this long idle (ms); default 20000; 0 disables */
  keepaliveMs?: number;
  /** bridge every request to this IPMB target (ipmitool -t/-b) */
  target?: BridgeTarget;
  /** share one UDP socket among many sessions (default: the process-wide endpoint) */
  endpoint?: UdpEndpoint;
}

export interface SessionInfo {
  interface: 'lanplus' | 'lan';
  cipherSuite?: number;
  authType?: AuthTypeName;
  privilege: number;
  /** BMC's session ID */
  bmcSessionId: number;
  consoleSessionId: number;
}

export interface IpmiSession extends Requester {
  readonly info: SessionInfo | undefined;
  readonly stats: SessionStats;
  /** A view that bridges every request to another controller via Send Message. */
  bridged(target: BridgeTarget): Requester;
  /** Sends Close Session and releases the session; idempotent. */
  close(opts?: CloseOptions): Promise<void>;
}

export interface CloseOptions {
  /** false: send Close Session once and release the session at once, without waiting for (or reading)
   *  the BMC's answer; default true (retransmitted on the adaptive timer, at most 675 ms) */
  wait?: boolean;
}

// What the generic session needs from a protocol (IPMI 1.5 or RMCP+): a login, and the framing of
// in-session messages. Login talks through an Exchanger that owns retransmission and timeouts.
export type DropReason = 'malformed' | 'foreignSession' | 'badIntegrity' | 'replayed';

export interface Exchanger {
  /** Sends the datagram built by `build` (rebuilt on every try) until `match` accepts a reply.
   *  `idempotent: false`: never repeated early on the adaptive timer (a step that creates BMC state);
   *  `steady`: then on the steady schedule (RetransmitPolicy.steady) instead of the fixed one. */
  exchange<T>(
    name: string,
    build: () => Buffer,
    match: (datagram: Buffer) => T | undefined,
    opts?: { idempotent?: boolean; steady?: boolean },
  ): Promise<T>;
  /** Sends an in-session request during login (e.g. Set Session Privilege Level). */
  request(
    netFn: number,
    cmd: number,
    data: Uint8Array,
    name: string,
  ): Promise<{ completionCode: number; data: Buffer }>;
  /** Fire and forget (e.g. a RAKP 3 that reports our verification failure to the BMC). */
  sendOnce(datagram: Buffer): void;
  /** An RMCP+ message tag no other login to this BMC in this process holds until this login ends: a
   *  refused Open Session carries nothing else to match it by (see message-tags.ts). */
  messageTag(): number;
}

export interface Protocol {
  readonly info: SessionInfo | undefined;
  login(x: Exchanger): Promise<void>;
  /** Frames an in-session IPMI message with the next outbound session sequence number. */
  wrap(message: Buffer): Buffer;
  /** The IPMI message inside a datagram of this session, or why it was dropped. */
  unwrap(datagram: Buffer): Buffer | DropReason | undefined;
  /** Message to send to close the session, or undefined when no session is open. */
  closeRequestData(): Buffer | undefined;
  /** Forget the session state before a new login. */
  reset(): void;
}
