// The one retransmission loop of the stack, used by in-session requests and by every login exchange.
//
// Two schedules share one give-up time (the caller's per-try timeout T and retries R give T·(1 + i/2)
// for try i, 1 + 1.5 + 2 + 2.5 = 7 s by default, as before):
//  - adaptive (safe to repeat): retransmit after the host's measured RTO, doubling on every further
//    silence but never beyond the fixed schedule's wait for that try, and keep trying until the give-up
//    time: a lost datagram costs milliseconds on a LAN instead of a second;
//  - fixed (non-idempotent commands, one try asked for, or no estimator): exactly R + 1 tries at T·(1 + i/2), never
//    earlier, so a BMC sees the repeat inside its duplicate-detection window (same rqSeq) and does not
//    execute a chassis control or a reset twice.
// Every wait is jittered (adaptive ±20 %, fixed +0..20 %, never earlier than the fixed schedule), so
// the hosts of a fleet that lost the same burst do not all retransmit in the same millisecond.
import { INITIAL_RTO_MS, type RttEstimator } from './rtt-estimator';

/**
 * What one exchange in flight elsewhere in this process (another session, another host) adds to this
 * one's timeout. Our event loop takes one datagram at a time (decrypt, check, parse, send), and a fleet
 * action's hosts share our NIC and management switch, so an answer queues behind the others': in the
 * fleet bench (256 sessions at once) the 90th percentile round trip grew by 1.2 to 2.9 ms per exchange
 * in flight, where each host's estimator, fed a handful of samples, had timed out at 150-400 ms and sent
 * 600 needless copies per run (which the BMCs then had to answer, too). Requests in flight on the same
 * session are counted apart, at one SRTT each (RttEstimator.rto).
 */
export const PER_EXCHANGE_IN_FLIGHT_MS = 2;
let inFlight = 0;
/** Exchanges (requests and login steps) waiting for an answer in this process. */
export const exchangesInFlight = () => inFlight;

export interface RetransmitPolicy {
  /** per-try timeout of the first try (ms), ipmitool -N */
  timeoutMs: number;
  /** retransmissions of the fixed schedule, ipmitool -R minus 1 */
  retries: number;
  /** false: the fixed schedule only (the command must not be repeated early) */
  adaptive: boolean;
  /**
   * The steady schedule, for a login step that creates state at the BMC when it arrives (Open Session):
   * the first wait is T, as on the fixed schedule, then a copy every T/2 until the give-up time. Not
   * early (an answer from a BMC on any network arrives within T, so a copy goes out only when a datagram
   * was lost: each costs the BMC one half-open session slot), but not four tries either: at 10 % loss
   * each way four tries fail one login in 800; eleven fail one in 10^8.
   */
  steady?: boolean;
}

export interface RetransmitDeps {
  /** the host's estimator (before its first sample: INITIAL_RTO_MS); without one, the fixed schedule */
  rtt?: RttEstimator;
  /** what is being sent ((netFn << 8) | cmd, or a login step's name), for the per-command floor */
  command?: number | string;
  /** requests in flight ahead of this one on the same session (see RttEstimator.rto) */
  ahead?: number;
  /** a floor above the estimator's (login steps, whose spurious repeats cost the BMC a session) */
  floorMs?: number;
  /** [0, 1); injectable for deterministic tests */
  random?: () => number;
  now?: () => number;
}

/** The fixed schedule's wait for try `attempt` (0 = the first transmission). */
export const fixedWait = (timeoutMs: number, attempt: number) => Math.round(timeoutMs * (1 + attempt / 2));

/** How many tries the steady schedule makes: the first after T, then one per T/2 of the give-up time. */
export const steadyTries = (p: Pick<RetransmitPolicy, 'timeoutMs' | 'retries'>) =>
  1 + Math.floor((giveUpMs(p) - p.timeoutMs) / (p.timeoutMs / 2));

/**
 * When the steady schedule's try after `attempt` goes out, in ms since the first: T + k·T/2, each
 * delayed by up to 10 % of T at random and anchored to the start (jitter does not accumulate, so the
 * count of tries and the give-up time stay as computed); after the last try, the give-up time.
 */
export function steadyNext(p: RetransmitPolicy, attempt: number, random: () => number): number {
  if (attempt + 1 >= steadyTries(p)) return giveUpMs(p);
  return Math.round(p.timeoutMs + (attempt * p.timeoutMs) / 2 + 0.1 * p.timeoutMs * random());
}

/** The fixed schedule's total: how long a request may take before it gives up. */
export function giveUpMs(p: Pick<RetransmitPolicy, 'timeoutMs' | 'retries'>): number {
  let total = 0;
  for (let i = 0; i <= p.retries; i++) total += fixedWait(p.timeoutMs, i);
  return total;
}

/** Wait after try `attempt`, before jitter. `rto` is the host's current RTO or undefined. */
export function scheduledWait(p: RetransmitPolicy, attempt: number, rto: number | undefined): number {
  const fixed = fixedWait(p.timeoutMs, attempt);
  if (!p.adaptive || rto === undefined) return fixed;
  return Math.min(fixed, rto * 2 ** attempt);
}

export function jitter(ms: number, adaptive: boolean, random: () => number): number {
  return Math.max(1, Math.round(adaptive ? ms * (0.8 + 0.4 * random()) : ms * (1 + 0.2 * random())));
}

export type Outcome<T> =
  | { kind: 'answer'; value: T; tries: number; elapsedMs: number }
  | { kind: 'timeout'; tries: number; elapsedMs: number }
  | { kind: 'stopped'; tries: number; elapsedMs: number };

export interface RetransmitLoop<T> {
  /** transmits (or retransmits) the request; attempt 0 is the first transmission */
  send(attempt: number): void | Promise<void>;
  /** resolves with the answer, or 'timeout' after ms */
  wait(ms: number): Promise<T | 'timeout'>;
  /** after each silent wait: 'stop' ends the loop (e.g. the session is being logged in again) */
  onSilence?(s: { attempt: number; elapsedMs: number; remainingMs: number }): Promise<'go-on' | 'stop'>;
}

export async function retransmit<T>(
  policy: RetransmitPolicy,
  loop: RetransmitLoop<T>,
  deps: RetransmitDeps = {},
): Promise<Outcome<T>> {
  const now = deps.now ?? Date.now;
  const random = deps.random ?? Math.random;
  const start = now();
  // The silence handler's own time (a session probe) does not eat into the schedule, as before.
  let budget = giveUpMs(policy);
  let tries = 0;
  inFlight++;
  try {
    for (let attempt = 0; ; attempt++) {
      const measured = deps.rtt ? (deps.rtt.rto(deps.command, deps.ahead) ?? INITIAL_RTO_MS) : undefined;
      const elsewhere = Math.max(0, inFlight - 1 - Math.max(0, deps.ahead ?? 0));
      const rto =
        measured === undefined
          ? undefined
          : Math.max(measured, deps.floorMs ?? 0) + elsewhere * PER_EXCHANGE_IN_FLIGHT_MS;
      // One try asked for (ipmitool -R 1, a Close Session) means one datagram, waiting the whole timeout.
      const steady = policy.steady === true;
      const adaptive = !steady && policy.adaptive && policy.retries > 0 && rto !== undefined;
      let remaining = budget - (now() - start);
      if (steady) {
        if (attempt >= steadyTries(policy)) break;
      } else if (attempt > policy.retries && (!adaptive || remaining < rto)) {
        break; // beyond the fixed schedule's tries, only while the give-up time leaves room for an answer
      }
      await loop.send(attempt);
      const sentAt = now();
      tries++;
      let ms = steady
        ? steadyNext(policy, attempt, random) - (now() - start)
        : jitter(scheduledWait({ ...policy, adaptive }, attempt, rto), adaptive, random);
      if (steady) ms = Math.max(1, Math.min(ms, remaining));
      if (adaptive && attempt >= policy.retries) ms = Math.max(Math.min(ms, remaining), 1);
      const r = await loop.wait(ms);
      if (r !== 'timeout') {
        // Karn's rule: only an answer to a request sent once measures the round trip.
        if (tries === 1) deps.rtt?.sample(now() - sentAt, deps.command);
        return { kind: 'answer', value: r, tries, elapsedMs: now() - start };
      }
      remaining = budget - (now() - start);
      if (loop.onSilence) {
        const before = now();
        const next = await loop.onSilence({ attempt, elapsedMs: before - start, remainingMs: remaining });
        budget += now() - before;
        if (next === 'stop') return { kind: 'stopped', tries, elapsedMs: now() - start };
      }
    }
    return { kind: 'timeout', tries, elapsedMs: now() - start };
  } finally {
    inFlight--;
  }
}

/** "4 tries in 7.0 s": what a timeout error says, from what really happened. */
export const describeTries = (o: { tries: number; elapsedMs: number }) =>
  `${o.tries} ${o.tries === 1 ? 'try' : 'tries'} in ${(o.elapsedMs / 1000).toFixed(1)} s`;
