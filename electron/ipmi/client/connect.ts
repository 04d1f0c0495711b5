// Public entry point of the stack: open an IPMI-over-LAN session to one BMC.
import type { Requester } from './requester';
import type { SessionStats } from './stats';
import type { UdpEndpoint } from '../transport/udp-endpoint';
import { IpmiError } from '../errors';
import { Session } from './session';

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

export async function connect(options: ConnectOptions): Promise<IpmiSession> {
  if (!options.host) throw new IpmiError('argument', 'no BMC host given');
  const session = new Session(options);
  try {
    await session.open();
  } catch (e) {
    await session.close();
    throw e;
  }
  return session;
}
