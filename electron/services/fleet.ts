// One command on many BMCs at once over one shared UDP socket: per host open a session at the action's
// privilege (User: no Set Session Privilege Level), run the action, send Close Session (not waiting for
// its answer). Bounded concurrency, one typed result per host (a timeout or a wrong password fails that
// host only), progress per host, cancellation. Per host it costs the session's own retransmission timers
// and nothing else: no DNS for IP literals, no keepalive timer, no extra round trip for a cipher suite the
// fleet already knows. A host that already has an open session (a caller's pool) is asked through it:
// no login, no close. The actions (power status, power control, identify, boot device) are in
// fleet-actions.ts; fleet-hosts.ts turns host ids of the inventory into targets.
import { setMaxListeners } from 'node:events';
import { IpmiError } from '../ipmi/errors';
import type { UdpEndpoint } from '../ipmi/transport/udp-endpoint';
import type { ConnectOptions, IpmiSession, PrivilegeName } from '../ipmi/client/connect';
import type { Requester, RequestOptions } from '../ipmi/client/requester';
import { Session } from '../ipmi/client/session';
import type { Host } from '../../shared/domain/host';
import type { SessionPool } from './session-pool';

/** What a fleet does on each host: one short exchange on an open session. */
export interface FleetAction<T> {
  /** in words, for the error of a host that failed unexpectedly ("during power status") */
  readonly name: string;
  /** the privilege a one-shot session logs in at: the least the action needs */
  readonly privilege: PrivilegeName;
  /** `r` carries the fleet's cancel signal on every request */
  run(r: Requester, host: string): Promise<T>;
}

interface FleetTargetBase {
  host: string;
  /** default 623 */
  port?: number;
}
/** A BMC the fleet logs in to (and closes again). */
export interface FleetLoginTarget extends FleetTargetBase {
  username: string;
  password: string | Uint8Array;
  /** default 'lanplus' */
  interface?: 'lanplus' | 'lan';
  /** default 'auto' (cached per host; a fleet proposes the suite its first host used) */
  cipherSuite?: number | 'auto';
  session?: undefined;
}
/** A BMC with a session the caller already holds open (e.g. from a pool): the fleet sends its request
 *  through it and neither logs in nor closes it. */
export interface FleetSessionTarget extends FleetTargetBase {
  session: Requester;
}
export type FleetTarget = FleetLoginTarget | FleetSessionTarget;

interface FleetResultBase {
  /** position in the targets array */
  index: number;
  host: string;
  port: number;
  /** from the start of this host's work to its answer (ms) */
  ms: number;
}
export interface FleetOk<T> extends FleetResultBase {
  ok: true;
  value: T;
}
export interface FleetFailed extends FleetResultBase {
  ok: false;
  error: IpmiError;
}
export type FleetResult<T> = FleetOk<T> | FleetFailed;

export interface FleetOptions<T> {
  /** hosts worked on at once; default 256 */
  concurrency?: number;
  signal?: AbortSignal;
  /** called once per finished host, in completion order */
  onProgress?: (result: FleetResult<T>, done: number, total: number) => void;
  /** per-attempt timeout (ms); session default 1000 */
  timeoutMs?: number;
  /** retransmissions after the first try; session default 3 */
  retries?: number;
  /** default the process-wide shared endpoint (or the connect function's own) */
  endpoint?: UdpEndpoint;
  /** replaces the built-in session (tests, or a caller with its own connect defaults); gets the signal-free
   *  options, and cancellation then only stops waiting for it (a login it abandons is closed once it
   *  completes, uncounted). Its sessions are closed with { wait: false }. */
  connect?: (options: ConnectOptions) => Promise<IpmiSession>;
}

export interface FleetReport<T> {
  /** one per finished host, ordered by index; hosts not finished before a cancel are absent */
  results: FleetResult<T>[];
  cancelled: boolean;
  /** datagrams of every session this run opened (login, request, close, retransmissions); the answers to
   *  Close Session are not read, so received is one less per host than sent. Requests through a caller's
   *  session are not counted. */
  datagrams: { sent: number; received: number; retransmits: number };
  ms: number;
}

/** The suite the last fleet logged in with: the first guess for BMCs that have no cached suite. */
let fleetSuiteHint: number | undefined;

export async function runFleet<T>(
  targets: readonly FleetTarget[],
  action: FleetAction<T>,
  opts: FleetOptions<T> = {},
): Promise<FleetReport<T>> {
  const t0 = performance.now();
  const { onProgress, connect, endpoint } = opts;
  const total = targets.length;
  const results: FleetResult<T>[] = [];
  const datagrams = { sent: 0, received: 0, retransmits: 0 };
  const concurrency = Math.max(1, Math.min(opts.concurrency ?? 256, total || 1));
  // One abort listener per host in flight on the same signal is expected here: follow the caller's signal
  // with our own, whose listener limit fits the concurrency (no MaxListenersExceededWarning at 256).
  let signal: AbortSignal | undefined;
  let unlink: (() => void) | undefined;
  if (opts.signal) {
    const outer = opts.signal;
    const inner = new AbortController();
    setMaxListeners(2 * concurrency + 16, inner.signal);
    const follow = () => inner.abort(outer.reason);
    if (outer.aborted) follow();
    else {
      outer.addEventListener('abort', follow, { once: true });
      unlink = () => outer.removeEventListener('abort', follow);
    }
    signal = inner.signal;
  }
  const requestOptions = signal ? { signal } : undefined;

  let aborted: Promise<'aborted'> | undefined;
  if (signal) {
    aborted = new Promise<'aborted'>((resolve) => {
      if (signal.aborted) resolve('aborted');
      else signal.addEventListener('abort', () => resolve('aborted'), { once: true });
    });
  }

  const count = (s: IpmiSession) => {
    const st = s.stats;
    if (!st) return;
    datagrams.sent += st.sent ?? 0;
    datagrams.received += st.received ?? 0;
    datagrams.retransmits += st.retransmits ?? 0;
  };

  // With no suite known yet, the first host that negotiates one logs in alone (bounded wait) so that the
  // others propose the suite it got instead of each paying for a refused stronger one.
  const negotiates = (t: FleetTarget): boolean =>
    !t.session && (t.interface ?? 'lanplus') === 'lanplus' && (t.cipherSuite ?? 'auto') === 'auto';
  let gate: Promise<unknown> | undefined;
  let openGate: (() => void) | undefined;
  const leader = fleetSuiteHint === undefined ? targets.findIndex(negotiates) : -1;
  if (leader >= 0 && targets.some((t, i) => i !== leader && negotiates(t))) {
    gate = Promise.race([
      new Promise<void>((resolve) => (openGate = resolve)),
      new Promise<void>((resolve) => setTimeout(resolve, Math.min(opts.timeoutMs ?? 1000, 250)).unref()),
    ]);
  }

  const finish = (result: FleetResult<T>) => {
    results.push(result);
    onProgress?.(result, results.length, total);
  };
  const failed = (index: number, t: FleetTarget, port: number, started: number, e: unknown): FleetFailed => {
    const error =
      e instanceof IpmiError
        ? e
        : // An unexpected exception's text is not ours to forward (it might quote anything, even a
          // secret): name its type and code only.
          new IpmiError('protocol', `${t.host}: unexpected ${errorName(e)} during ${action.name}`, {
            host: t.host,
          });
    return { index, host: t.host, port, ms: performance.now() - started, ok: false, error };
  };
  const run = async (index: number, t: FleetTarget, port: number, started: number, r: Requester) => {
    const value = await action.run(requestOptions ? withOptions(r, requestOptions) : r, t.host);
    const ok: FleetOk<T> = { index, host: t.host, port, ms: performance.now() - started, ok: true, value };
    return ok;
  };

  /** A host with the caller's open session: one request, nothing to open or close. */
  const viaSession = async (index: number, t: FleetSessionTarget): Promise<void> => {
    const port = t.port ?? 623;
    const started = performance.now();
    let result: FleetResult<T>;
    try {
      result = await run(index, t, port, started, t.session);
    } catch (e) {
      if (signal?.aborted) return;
      result = failed(index, t, port, started, e);
    }
    finish(result);
  };

  const viaLogin = async (index: number, t: FleetLoginTarget): Promise<void> => {
    const port = t.port ?? 623;
    const started = performance.now();
    const o: ConnectOptions = {
      host: t.host,
      port,
      username: t.username,
      password: t.password,
      privilege: action.privilege,
      cipherSuite: t.cipherSuite ?? 'auto',
      keepaliveMs: 0,
    };
    if (t.interface) o.interface = t.interface;
    if (endpoint) o.endpoint = endpoint;
    if (fleetSuiteHint !== undefined) o.cipherSuiteHint = fleetSuiteHint;
    if (opts.timeoutMs !== undefined) o.timeoutMs = opts.timeoutMs;
    if (opts.retries !== undefined) o.retries = opts.retries;
    let session: IpmiSession | undefined;
    let result: FleetResult<T>;
    try {
      let opened: Promise<IpmiSession>;
      if (connect) {
        opened = connect(o);
      } else {
        const s = new Session(o);
        session = s;
        opened = s.open().then(() => s);
      }
      const isLeader = index === leader && openGate !== undefined;
      if (isLeader) void opened.finally(openGate).catch(() => undefined);
      const first = aborted ? await Promise.race([opened, aborted]) : await opened;
      if (isLeader) {
        const suite =
          session?.info?.cipherSuite ?? (first !== 'aborted' ? first.info?.cipherSuite : undefined);
        if (suite !== undefined) fleetSuiteHint = suite;
      }
      if (first === 'aborted') {
        // A login still running is abandoned. Our own session is closed below, which stops its next
        // retransmission; one from the caller's connect cannot be stopped from here, so it is closed when
        // it completes, in the background: the run does not wait for its retries.
        if (!session)
          void opened.then(
            (s) => s.close({ wait: false }),
            () => undefined,
          );
        return;
      }
      session = first;
      result = await run(index, t, port, started, session);
    } catch (e) {
      if (signal?.aborted) return;
      result = failed(index, t, port, started, e);
    } finally {
      if (session) {
        // Close Session goes out once; its answer is not waited for (it would only say "closed").
        const s = session;
        await s.close({ wait: false }).catch(() => undefined);
        count(s);
      }
    }
    finish(result);
  };

  let next = 0;
  const worker = async (): Promise<void> => {
    while (!signal?.aborted && next < total) {
      const index = next++;
      const t = targets[index]!;
      if (t.session) {
        await viaSession(index, t);
        continue;
      }
      if (gate && index !== leader && negotiates(t)) await gate;
      if (signal?.aborted) return;
      await viaLogin(index, t);
    }
  };
  try {
    if (total > 0) await Promise.all(Array.from({ length: concurrency }, worker));
  } finally {
    unlink?.();
  }
  results.sort((a, b) => a.index - b.index);
  return { results, cancelled: signal?.aborted === true, datagrams, ms: performance.now() - t0 };
}

/** Forgets the fleet's suite guess (tests). */
export function resetFleetSuiteHint(): void {
  fleetSuiteHint = undefined;
}

/** `r` with `opts` (the fleet's signal) under every request's own options. */
function withOptions(r: Requester, opts: RequestOptions): Requester {
  return {
    host: r.host,
    request: (req, o) => r.request(req, { ...opts, ...o }),
    raw: (req, o) => r.raw(req, { ...opts, ...o }),
  };
}

function errorName(e: unknown): string {
  if (!(e instanceof Error)) return typeof e;
  const code = (e as NodeJS.ErrnoException).code;
  return code ? `${e.name} ${code}` : e.name;
}

/** What fleetOnHosts needs of the app: host records and the session pool (its open sessions, the
 *  credential store behind it, its connect defaults). */
export interface FleetServices {
  inventory: { require(hostId: string): Host };
  pool: Pick<SessionPool, 'openRequester' | 'password' | 'connectUnpooled'>;
}

/** One host's outcome by host id: the action's value, or why it failed (any error; the caller makes
 *  it plain data). */
export type HostOutcome<T> =
  { hostId: string; ok: true; value: T } | { hostId: string; ok: false; error: unknown };

/**
 * runFleet over host ids of the inventory: `concurrency` hosts at a time (default the fleet's), one
 * `onHost` per host in completion order. A host with a session already open in the pool is asked through
 * it; every other host gets a one-shot session at the action's privilege (password from the credential
 * store) that is closed right after, so a fleet run neither logs in twice nor fills the pool. Hosts that
 * cannot be asked (unknown id, no password) are answered at once. Cancel stops starting new hosts and
 * aborts requests in flight; hosts not finished by then get no outcome.
 */
export async function fleetOnHosts<T>(
  s: FleetServices,
  hostIds: readonly string[],
  action: FleetAction<T>,
  o: { signal: AbortSignal; concurrency?: number | undefined; onHost: (outcome: HostOutcome<T>) => void },
): Promise<{ cancelled: boolean }> {
  const { signal, onHost } = o;
  const prepared = await Promise.all(
    hostIds.map(
      async (
        hostId,
      ): Promise<{ hostId: string; target: FleetTarget } | { hostId: string; error: unknown }> => {
        try {
          const host = s.inventory.require(hostId);
          const session = s.pool.openRequester(hostId);
          if (session) return { hostId, target: { host: host.address, port: host.port, session } };
          const password = await s.pool.password(host);
          const target: FleetTarget = {
            host: host.address,
            port: host.port,
            username: host.username,
            password,
            interface: host.interface,
            cipherSuite: host.cipherSuite,
          };
          return { hostId, target };
        } catch (error) {
          return { hostId, error };
        }
      },
    ),
  );
  const ids: string[] = [];
  const targets: FleetTarget[] = [];
  for (const p of prepared) {
    if ('target' in p) {
      ids.push(p.hostId);
      targets.push(p.target);
    } else if (!signal.aborted) onHost({ hostId: p.hostId, ok: false, error: p.error });
  }
  if (targets.length > 0 && !signal.aborted) {
    await runFleet(targets, action, {
      signal,
      // runFleet quotes a non-IPMI error's text in its per-host error; like the pooled calls, none of a
      // connect failure's own text may reach the renderer: it may hold anything
      connect: (c) =>
        s.pool.connectUnpooled(c).catch((e: unknown) => {
          throw e instanceof IpmiError
            ? e
            : new IpmiError('protocol', `${c.host}: internal error while logging in`, { host: c.host });
        }),
      ...(o.concurrency !== undefined ? { concurrency: o.concurrency } : {}),
      onProgress: (r) =>
        onHost(
          r.ok
            ? { hostId: ids[r.index]!, ok: true, value: r.value }
            : { hostId: ids[r.index]!, ok: false, error: r.error },
        ),
    });
  }
  return { cancelled: signal.aborted };
}
