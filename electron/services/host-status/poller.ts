// Background status polling of every host, with no IPMI in it (probe.ts asks the BMC): when each host
// is asked, how many at once, what the answers mean for the next ask, and which changes go out.
// - Staggered: hosts that arrive together (start-up, an import) are spread across the interval, and a
//   host keeps its phase afterwards (next ask = start of this one + interval), so a fleet never asks in
//   bursts larger than the concurrency.
// - Back-off: an unreachable (or otherwise failing) host waits interval × 2^(failures-1), capped.
// - A refused login is not retried every cycle (that could lock the account out): the host is asked
//   again only when its stored password changed (the probe reports a fingerprint of the password it
//   used) or after authRetryMs; an edit of the host's login settings restarts it at once.
// - Batched: results are collected and published once per tick, only hosts whose status changed.
// The clock is injected so the scheduling is tested without waiting.
import type { ErrorData } from '../../../shared/errors';
import type { HostStatus, HostStatusConfig } from '../../../shared/contract/host-status';

export interface PollerClock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const SYSTEM_CLOCK: PollerClock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => {
    const t = setTimeout(fn, ms);
    t.unref?.(); // polling never keeps a process alive on its own
    return t;
  },
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

/** The worst severity among the host's sensors, and how many are at it. */
export interface SensorSummary {
  worst: 'ok' | 'warning' | 'critical';
  count: number;
}

/** What one ask of a host found. `credential`: fingerprint of the password the login used (never the
 *  password), undefined when none is stored or a pooled session was used. */
export type ProbeOutcome =
  | { kind: 'ok'; power: 'on' | 'off'; sensors?: SensorSummary; sensorsError?: ErrorData }
  | { kind: 'unreachable'; error: ErrorData }
  | { kind: 'auth-failed'; error: ErrorData; credential: string | undefined }
  | { kind: 'no-password'; error: ErrorData }
  | { kind: 'error'; error: ErrorData };

export type Probe = (hostId: string, o: { sensors: boolean; signal: AbortSignal }) => Promise<ProbeOutcome>;

/** A host to poll; `key` is its login settings (address, port, user, …): a new key restarts it. */
export interface PollTarget {
  hostId: string;
  key: string;
}

export interface PollerOptions {
  probe: Probe;
  /** fingerprint of the host's stored password now (undefined: none stored) */
  credential: (hostId: string) => Promise<string | undefined>;
  /** one call per tick with the hosts whose status changed */
  publish: (changed: HostStatus[]) => void;
  clock?: PollerClock;
  config?: Partial<HostStatusConfig>;
  /** how often collected changes go out (ms); default 500 */
  tickMs?: number;
  /** hosts arriving together are spread over min(interval, count × this) (ms); default 100 */
  staggerStepMs?: number;
}

export const DEFAULT_CONFIG: HostStatusConfig = {
  intervalMs: 30_000,
  sensorEvery: 4,
  concurrency: 16,
  backoffCapMs: 5 * 60_000,
  authRetryMs: 30 * 60_000,
};

interface Slot {
  hostId: string;
  key: string;
  status: HostStatus;
  /** when the host is to be asked next (clock ms) */
  due: number;
  /** the ask in flight */
  running: AbortController | undefined;
  /** answered asks since the last sensor read */
  sinceSensors: number;
  /** the sensors were read since the host last failed (the health dot reflects them) */
  sensorsKnown: boolean;
  /** failed asks in a row (unreachable / error), for the back-off */
  failures: number;
  /** a refused login or no password: asked again only when the credential changes or after authRetryMs */
  gate: { credential: string | undefined; since: number } | undefined;
}

const pending = (hostId: string): HostStatus => ({ hostId, power: 'unknown', health: 'pending' });

export class HostStatusPoller {
  readonly #slots = new Map<string, Slot>();
  readonly #changed = new Map<string, HostStatus>();
  readonly #clock: PollerClock;
  readonly #tickMs: number;
  readonly #staggerStepMs: number;
  #config: HostStatusConfig;
  #running = 0;
  #timer: unknown;
  #timerAt = Infinity;
  #tick: unknown;
  #started = false;
  #stopped = false;

  constructor(private readonly o: PollerOptions) {
    this.#clock = o.clock ?? SYSTEM_CLOCK;
    this.#tickMs = o.tickMs ?? 500;
    this.#staggerStepMs = o.staggerStepMs ?? 100;
    this.#config = { ...DEFAULT_CONFIG, ...o.config };
  }

  get config(): HostStatusConfig {
    return { ...this.#config };
  }
  get started(): boolean {
    return this.#started;
  }
  /** asks in flight now (tests) */
  get inFlight(): number {
    return this.#running;
  }

  /** The current status of every host, in the order they were added. */
  snapshot(): HostStatus[] {
    return [...this.#slots.values()].map((s) => s.status);
  }
  /** When a host is next asked (clock ms; tests and diagnostics). */
  dueAt(hostId: string): number | undefined {
    return this.#slots.get(hostId)?.due;
  }

  /** Begins asking (idempotent). Hosts set before are staggered from now. */
  start(): void {
    if (this.#started || this.#stopped) return;
    this.#started = true;
    this.#stagger([...this.#slots.values()].filter((s) => !s.running));
    this.#pump();
  }

  /** Stops for good: asks in flight are aborted, nothing more is published. */
  stop(): void {
    this.#stopped = true;
    for (const s of this.#slots.values()) s.running?.abort();
    this.#clock.clearTimeout(this.#timer);
    this.#clock.clearTimeout(this.#tick);
    this.#changed.clear();
  }

  /**
   * The inventory now: removed hosts stop being asked (an ask in flight is aborted and its answer
   * dropped), added hosts and hosts whose login settings changed are asked soon, staggered.
   */
  setHosts(targets: readonly PollTarget[]): void {
    const keep = new Set(targets.map((t) => t.hostId));
    for (const [id, s] of this.#slots) {
      if (keep.has(id)) continue;
      s.running?.abort();
      this.#slots.delete(id);
      this.#changed.delete(id);
    }
    const fresh: Slot[] = [];
    for (const t of targets) {
      const s = this.#slots.get(t.hostId);
      if (s && s.key === t.key) continue;
      if (s) s.running?.abort(); // edited: whatever it was answering for is stale
      const slot: Slot = {
        hostId: t.hostId,
        key: t.key,
        status: pending(t.hostId),
        due: Infinity,
        running: undefined,
        sinceSensors: 0,
        sensorsKnown: false,
        failures: 0,
        gate: undefined,
      };
      this.#slots.set(t.hostId, slot);
      fresh.push(slot);
      if (s) this.#record(slot); // an edited host shows 'pending' until its new settings answer
    }
    if (this.#started) {
      this.#stagger(fresh);
      this.#pump();
    }
  }

  /** New settings; a new interval re-staggers the hosts that are waiting. */
  configure(patch: Partial<HostStatusConfig>): HostStatusConfig {
    const before = this.#config.intervalMs;
    this.#config = { ...this.#config, ...patch };
    if (this.#started && this.#config.intervalMs !== before) {
      this.#stagger([...this.#slots.values()].filter((s) => !s.running));
    }
    if (this.#started) this.#pump();
    return this.config;
  }

  /** Spreads `slots` over min(interval, n × step) from now, in order. */
  #stagger(slots: readonly Slot[]): void {
    const now = this.#clock.now();
    const n = slots.length;
    const span = Math.min(this.#config.intervalMs, n * this.#staggerStepMs);
    slots.forEach((s, k) => (s.due = now + Math.floor((k * span) / n)));
  }

  /** Starts every due host the concurrency allows, then sleeps until the next one is due. */
  #pump(): void {
    if (this.#stopped || !this.#started) return;
    const now = this.#clock.now();
    while (this.#running < this.#config.concurrency) {
      const next = this.#earliest();
      if (!next || next.due > now) break;
      void this.#ask(next);
    }
    const next = this.#running < this.#config.concurrency ? this.#earliest() : undefined;
    const at = next ? next.due : Infinity;
    if (at !== this.#timerAt) {
      this.#clock.clearTimeout(this.#timer);
      this.#timerAt = at;
      this.#timer =
        at === Infinity
          ? undefined
          : this.#clock.setTimeout(
              () => {
                this.#timerAt = Infinity;
                this.#pump();
              },
              Math.max(0, at - now),
            );
    }
  }

  #earliest(): Slot | undefined {
    let best: Slot | undefined;
    for (const s of this.#slots.values()) if (!s.running && (!best || s.due < best.due)) best = s;
    return best;
  }

  async #ask(slot: Slot): Promise<void> {
    const ctl = new AbortController();
    slot.running = ctl;
    this.#running += 1;
    const started = this.#clock.now();
    slot.due = Infinity;
    try {
      const outcome = await this.#outcome(slot, ctl.signal, started);
      if (ctl.signal.aborted || this.#slots.get(slot.hostId) !== slot) return; // removed or edited meanwhile
      if (outcome) this.#apply(slot, outcome, started);
      else slot.due = started + this.#config.intervalMs; // gated, nothing changed: look again next cycle
    } finally {
      slot.running = undefined;
      this.#running -= 1;
      this.#pump();
    }
  }

  /** The probe's answer, or undefined when a gated host's credential is unchanged and not yet due. */
  async #outcome(slot: Slot, signal: AbortSignal, now: number): Promise<ProbeOutcome | undefined> {
    if (slot.gate) {
      let credential: string | undefined;
      try {
        credential = await this.o.credential(slot.hostId);
      } catch {
        credential = slot.gate.credential; // the keychain is unreadable just now: treat as unchanged
      }
      const changed = credential !== slot.gate.credential;
      if (!changed && now - slot.gate.since < this.#config.authRetryMs) return undefined;
    }
    const sensors = !slot.sensorsKnown || slot.sinceSensors >= this.#config.sensorEvery;
    try {
      return await this.o.probe(slot.hostId, { sensors, signal });
    } catch {
      // a probe classifies its own failures; anything escaping it is a bug, shown as an error
      return { kind: 'error', error: { code: 'internal', message: 'internal error' } };
    }
  }

  #apply(slot: Slot, o: ProbeOutcome, started: number): void {
    const { intervalMs, backoffCapMs } = this.#config;
    const prev = slot.status;
    let next: HostStatus;
    if (o.kind === 'ok') {
      slot.failures = 0;
      slot.gate = undefined;
      slot.sinceSensors += 1;
      next = { hostId: slot.hostId, power: o.power, health: prev.health, lastSeen: started };
      if (o.sensors) {
        slot.sensorsKnown = true;
        slot.sinceSensors = 1;
        next.health = o.sensors.worst;
        next.sensorsAtWorst = o.sensors.worst === 'ok' ? 0 : o.sensors.count;
      } else if (o.sensorsError) {
        // power answered, the sensors did not (no SDR, a refused reading): say so, try again in n asks
        slot.sensorsKnown = true;
        slot.sinceSensors = 1;
        next.health = 'error';
        next.error = o.sensorsError;
      } else if (prev.sensorsAtWorst !== undefined) {
        next.sensorsAtWorst = prev.sensorsAtWorst;
      }
      slot.due = started + intervalMs;
    } else {
      slot.sensorsKnown = false;
      next = { hostId: slot.hostId, power: 'unknown', health: o.kind, error: o.error };
      if (prev.lastSeen !== undefined) next.lastSeen = prev.lastSeen;
      if (o.kind === 'auth-failed' || o.kind === 'no-password') {
        slot.failures = 0;
        slot.gate = {
          credential: o.kind === 'auth-failed' ? o.credential : undefined,
          since: started,
        };
        slot.due = started + intervalMs;
      } else {
        slot.gate = undefined;
        slot.failures += 1;
        slot.due = started + Math.min(backoffCapMs, intervalMs * 2 ** (slot.failures - 1));
        if (o.kind === 'unreachable')
          next.unreachableSince =
            prev.health === 'unreachable' ? (prev.unreachableSince ?? started) : started;
      }
    }
    slot.status = next;
    if (!sameStatus(prev, next)) this.#record(slot);
  }

  /** Queues the slot's status for the next tick. */
  #record(slot: Slot): void {
    this.#changed.set(slot.hostId, slot.status);
    if (this.#tick !== undefined || this.#stopped) return;
    this.#tick = this.#clock.setTimeout(() => {
      this.#tick = undefined;
      if (this.#changed.size === 0 || this.#stopped) return;
      const batch = [...this.#changed.values()];
      this.#changed.clear();
      this.o.publish(batch);
    }, this.#tickMs);
  }
}

function sameStatus(a: HostStatus, b: HostStatus): boolean {
  return (
    a.power === b.power &&
    a.health === b.health &&
    a.sensorsAtWorst === b.sensorsAtWorst &&
    a.lastSeen === b.lastSeen &&
    a.unreachableSince === b.unreachableSince &&
    a.error?.code === b.error?.code
  );
}
