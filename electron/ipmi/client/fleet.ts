// Power status of many BMCs at once over one shared UDP socket: per host open a session at User
// privilege (no Set Session Privilege Level), send Get Chassis Status, close. Bounded concurrency, one
// typed result per host (a timeout or a wrong password fails that host only), progress per host,
// cancellation. Per host it costs the session's own retransmission timers and nothing else: no DNS for
// IP literals, no keepalive timer, no extra round trip for a cipher suite the fleet already knows.
import { IpmiError } from '../errors';
import { decodeChassisStatus, GET_CHASSIS_STATUS, type ChassisStatus } from '../commands/chassis/get-chassis-status';
import { sharedEndpoint, type UdpEndpoint } from '../transport/udp-endpoint';
import type { ConnectOptions, IpmiSession } from './connect';
import { Session } from './session';

export interface FleetTarget {
  host: string;
  /** default 623 */
  port?: number;
  username: string;
  password: string | Uint8Array;
  /** default 'auto' (cached per host; a fleet proposes the suite its first host used) */
  cipherSuite?: number | 'auto';
}

interface FleetResultBase {
  /** position in the targets array */
  index: number;
  host: string;
  port: number;
  /** from the start of this host's work to its answer (ms) */
  ms: number;
}
export interface FleetPowerOk extends FleetResultBase {
  ok: true;
  powerOn: boolean;
  status: ChassisStatus;
}
export interface FleetPowerFailed extends FleetResultBase {
  ok: false;
  error: IpmiError;
}
export type FleetPowerResult = FleetPowerOk | FleetPowerFailed;

export interface FleetOptions {
  /** hosts worked on at once; default 256 */
  concurrency?: number;
  signal?: AbortSignal;
  /** called once per finished host, in completion order */
  onProgress?: (result: FleetPowerResult, done: number, total: number) => void;
  /** per-attempt timeout (ms); session default 1000 */
  timeoutMs?: number;
  /** retransmissions after the first try; session default 3 */
  retries?: number;
  /** default the process-wide shared endpoint */
  endpoint?: UdpEndpoint;
  /** replaces the built-in session (tests, or a caller with its own connect defaults); gets the signal-free
   *  options, and cancellation then only stops waiting for it */
  connect?: (options: ConnectOptions) => Promise<IpmiSession>;
}

export interface FleetReport {
  /** one per finished host, ordered by index; hosts not finished before a cancel are absent */
  results: FleetPowerResult[];
  cancelled: boolean;
  /** datagrams of every session of this run (login, status, close, retransmissions) */
  datagrams: { sent: number; received: number; retransmits: number };
  ms: number;
}

/** The suite the last fleet logged in with: the first guess for BMCs that have no cached suite. */
let fleetSuiteHint: number | undefined;

export async function fleetPowerStatus(targets: readonly FleetTarget[], opts: FleetOptions = {}): Promise<FleetReport> {
  const t0 = performance.now();
  const { signal, onProgress } = opts;
  const total = targets.length;
  const endpoint = opts.endpoint ?? sharedEndpoint();
  const results: FleetPowerResult[] = [];
  const datagrams = { sent: 0, received: 0, retransmits: 0 };
  const closing: Promise<void>[] = [];
  const concurrency = Math.max(1, Math.min(opts.concurrency ?? 256, total || 1));

  const aborted = new Promise<'aborted'>((resolve) => {
    if (signal?.aborted) resolve('aborted');
    else signal?.addEventListener('abort', () => resolve('aborted'), { once: true });
  });

  // With no suite known yet, the first host logs in alone (bounded wait) so that the others propose the
  // suite it got instead of each paying for a refused stronger one.
  let gate: Promise<unknown> | undefined;
  let openGate: (() => void) | undefined;
  if (fleetSuiteHint === undefined && total > 1 && targets.some((t) => (t.cipherSuite ?? 'auto') === 'auto')) {
    gate = Promise.race([
      new Promise<void>((resolve) => (openGate = resolve)),
      new Promise<void>((resolve) => setTimeout(resolve, Math.min(opts.timeoutMs ?? 1000, 250)).unref()),
    ]);
  }

  const one = async (index: number): Promise<void> => {
    const t = targets[index]!;
    const port = t.port ?? 623;
    const started = performance.now();
    const o: ConnectOptions = {
      host: t.host,
      port,
      username: t.username,
      password: t.password,
      privilege: 'user',
      cipherSuite: t.cipherSuite ?? 'auto',
      keepaliveMs: 0,
      endpoint,
    };
    if (fleetSuiteHint !== undefined) o.cipherSuiteHint = fleetSuiteHint;
    if (opts.timeoutMs !== undefined) o.timeoutMs = opts.timeoutMs;
    if (opts.retries !== undefined) o.retries = opts.retries;
    let session: IpmiSession | undefined;
    let result: FleetPowerResult;
    try {
      let opened: Promise<IpmiSession>;
      if (opts.connect) {
        opened = opts.connect(o);
      } else {
        const s = new Session(o);
        session = s;
        opened = s.open().then(() => s);
      }
      const isLeader = openGate !== undefined && index === 0;
      if (isLeader) void opened.finally(openGate).catch(() => undefined);
      const first = await Promise.race([opened, aborted]);
      if (isLeader) {
        const suite = session?.info?.cipherSuite ?? (first !== 'aborted' ? first.info?.cipherSuite : undefined);
        if (suite !== undefined) fleetSuiteHint = suite;
      }
      if (first === 'aborted') {
        // a login still running is abandoned: closing it makes its next retransmission stop
        if (!session) void opened.then((s) => s.close()).catch(() => undefined);
        return;
      }
      session = first;
      const data = await session.request(GET_CHASSIS_STATUS, signal ? { signal } : undefined);
      const status = decodeChassisStatus(data, t.host);
      result = { index, host: t.host, port, ms: performance.now() - started, ok: true, powerOn: status.powerOn, status };
    } catch (e) {
      if (signal?.aborted) return;
      const error = e instanceof IpmiError ? e : new IpmiError('protocol', `${t.host}: ${String(e)}`, { host: t.host, cause: e });
      result = { index, host: t.host, port, ms: performance.now() - started, ok: false, error };
    } finally {
      if (session) {
        const s = session;
        // Close Session goes out now; its answer is awaited with the rest at the end of the run.
        closing.push(
          s.close().finally(() => {
            datagrams.sent += s.stats?.sent ?? 0;
            datagrams.received += s.stats?.received ?? 0;
            datagrams.retransmits += s.stats?.retransmits ?? 0;
          }),
        );
      }
    }
    results.push(result);
    onProgress?.(result, results.length, total);
  };

  let next = 0;
  const worker = async (): Promise<void> => {
    while (!signal?.aborted && next < total) {
      const index = next++;
      if (gate && index > 0) await gate;
      if (signal?.aborted) return;
      await one(index);
    }
  };
  if (total > 0) await Promise.all(Array.from({ length: concurrency }, worker));
  await Promise.allSettled(closing);
  results.sort((a, b) => a.index - b.index);
  return { results, cancelled: signal?.aborted === true, datagrams, ms: performance.now() - t0 };
}

/** Forgets the fleet's suite guess (tests). */
export function resetFleetSuiteHint(): void {
  fleetSuiteHint = undefined;
}
