// The poller's scheduling with an injected clock and a scripted probe (no BMC, no waiting): staggering
// across the interval, phase kept, the concurrency limit, exponential back-off with its cap, a refused
// login not retried until the password changes, removal and edits, one published batch per tick with
// the changed hosts only, sensors on every n-th ask.
import { describe, expect, it } from 'vitest';
import { HostStatusPoller, type PollerClock, type ProbeOutcome } from './poller';
import type { HostStatus } from '../../../shared/contract/host-status';

class FakeClock implements PollerClock {
  t = 1_000_000;
  #timers = new Map<number, { at: number; fn: () => void }>();
  #next = 1;
  now = () => this.t;
  setTimeout = (fn: () => void, ms: number) => {
    const id = this.#next++;
    this.#timers.set(id, { at: this.t + ms, fn });
    return id;
  };
  clearTimeout = (h: unknown) => void this.#timers.delete(h as number);
  /** Runs every timer due within `ms`, in time order, letting the probes' promises settle between. */
  async advance(ms: number): Promise<void> {
    const end = this.t + ms;
    for (;;) {
      await settle();
      let first: [number, { at: number; fn: () => void }] | undefined;
      for (const e of this.#timers) if (e[1].at <= end && (!first || e[1].at < first[1].at)) first = e;
      if (!first) break;
      this.#timers.delete(first[0]);
      this.t = Math.max(this.t, first[1].at);
      first[1].fn();
    }
    this.t = end;
    await settle();
  }
}

/** Lets every already-resolved promise chain run (no timers involved). */
async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}

const OK: ProbeOutcome = { kind: 'ok', power: 'on' };
const TIMEOUT: ProbeOutcome = { kind: 'unreachable', error: { code: 'timeout', message: 'no answer' } };

function setup(o: {
  hosts: number;
  config?: ConstructorParameters<typeof HostStatusPoller>[0]['config'];
  answer?: (hostId: string, sensors: boolean) => ProbeOutcome | Promise<ProbeOutcome>;
  credential?: (hostId: string) => string | undefined;
}) {
  const clock = new FakeClock();
  const t0 = clock.t;
  const asks: { hostId: string; at: number; sensors: boolean }[] = [];
  const batches: HostStatus[][] = [];
  const poller = new HostStatusPoller({
    clock,
    tickMs: 500,
    config: { intervalMs: 30_000, concurrency: 1000, ...o.config },
    probe: async (hostId, { sensors }) => {
      asks.push({ hostId, at: clock.t - t0, sensors });
      return (o.answer ?? (() => OK))(hostId, sensors);
    },
    credential: async (id) => o.credential?.(id),
    publish: (b) => batches.push(b),
  });
  const ids = Array.from({ length: o.hosts }, (_, i) => `h${String(i).padStart(6, '0')}`);
  poller.setHosts(ids.map((hostId) => ({ hostId, key: 'k' })));
  return { clock, t0, asks, batches, poller, ids, at: (id: string) => asks.filter((a) => a.hostId === id) };
}

describe('host status poller', () => {
  it('staggers 1,000 hosts across the interval and keeps each host on its phase', async () => {
    const { clock, asks, poller, at, ids } = setup({ hosts: 1000 });
    expect(asks).toHaveLength(0); // nothing is asked before start
    poller.start();
    await clock.advance(30_000 - 1);
    expect(asks).toHaveLength(1000);
    // every second of the interval gets its share (33 or 34 hosts), no burst
    const perSecond = new Map<number, number>();
    for (const a of asks)
      perSecond.set(Math.floor(a.at / 1000), (perSecond.get(Math.floor(a.at / 1000)) ?? 0) + 1);
    expect(perSecond.size).toBe(30);
    expect(Math.min(...perSecond.values())).toBeGreaterThanOrEqual(33);
    expect(Math.max(...perSecond.values())).toBeLessThanOrEqual(34);
    await clock.advance(30_000);
    expect(asks).toHaveLength(2000);
    for (const id of [ids[0]!, ids[500]!, ids[999]!]) {
      const [a, b] = at(id);
      expect(b!.at - a!.at).toBe(30_000);
    }
  });

  it('never has more asks in flight than the concurrency', async () => {
    const release: (() => void)[] = [];
    let peak = 0;
    const { clock, poller, asks } = setup({
      hosts: 50,
      config: { concurrency: 4, intervalMs: 1000 },
      answer: () =>
        new Promise<ProbeOutcome>((r) => {
          peak = Math.max(peak, poller.inFlight);
          release.push(() => r(OK));
        }),
    });
    poller.start();
    await clock.advance(2000);
    expect(asks).toHaveLength(4);
    while (release.length) {
      release.shift()!();
      await clock.advance(10);
    }
    expect(asks.length).toBeGreaterThan(40);
    expect(peak).toBe(4);
  });

  it('backs off an unreachable host exponentially up to the cap, and recovers at the interval', async () => {
    let reachable = false;
    const { clock, poller, at, batches } = setup({
      hosts: 1,
      config: { intervalMs: 1000, backoffCapMs: 8000 },
      answer: () => (reachable ? OK : TIMEOUT),
    });
    poller.start();
    await clock.advance(40_000);
    // 0, +1 s, +2 s, +4 s, +8 s, then the cap: +8 s
    expect(at('h000000').map((a) => a.at)).toEqual([0, 1000, 3000, 7000, 15_000, 23_000, 31_000, 39_000]);
    const status = poller.snapshot()[0]!;
    expect(status).toMatchObject({
      health: 'unreachable',
      power: 'unknown',
      unreachableSince: clock.t - 40_000,
    });
    // the same unreachable status is published once, not once per failed ask
    expect(batches.flat().filter((s) => s.health === 'unreachable')).toHaveLength(1);
    reachable = true;
    await clock.advance(7000); // the next ask, at 47 s, answers
    await clock.advance(2000);
    expect(
      at('h000000')
        .map((a) => a.at)
        .slice(-3),
    ).toEqual([47_000, 48_000, 49_000]);
    expect(poller.snapshot()[0]).toMatchObject({ power: 'on', lastSeen: clock.t });
    expect(poller.snapshot()[0]!.unreachableSince).toBeUndefined();
  });

  it('does not retry a refused login every cycle; retries when the password changes or the host is edited', async () => {
    let password = 'pw-a';
    let asksWith: string[] = [];
    const { clock, poller, at } = setup({
      hosts: 1,
      config: { intervalMs: 1000, authRetryMs: 60_000 },
      credential: () => password,
      answer: () => {
        asksWith.push(password);
        return password === 'pw-good'
          ? OK
          : {
              kind: 'auth-failed',
              error: { code: 'wrong-password', message: 'wrong' },
              credential: password,
            };
      },
    });
    poller.start();
    await clock.advance(20_000);
    expect(at('h000000')).toHaveLength(1); // one login attempt in 20 cycles
    expect(poller.snapshot()[0]).toMatchObject({ health: 'auth-failed', error: { code: 'wrong-password' } });
    password = 'pw-b'; // the user stored another (still wrong) password
    await clock.advance(1000);
    expect(asksWith).toEqual(['pw-a', 'pw-b']);
    await clock.advance(30_000);
    expect(asksWith).toHaveLength(2);
    await clock.advance(30_000); // authRetryMs after the last refusal: one more try
    expect(asksWith).toEqual(['pw-a', 'pw-b', 'pw-b']);
    // an edit of the login settings restarts at once
    asksWith = [];
    password = 'pw-good';
    poller.setHosts([{ hostId: 'h000000', key: 'k2' }]);
    await clock.advance(1);
    expect(asksWith).toEqual(['pw-good']);
    expect(poller.snapshot()[0]).toMatchObject({ power: 'on', lastSeen: clock.t - 1 });
  });

  it('publishes one batch per tick with only the hosts whose status changed', async () => {
    const down = new Set(['h000001', 'h000003']);
    const { clock, poller, batches } = setup({
      hosts: 4,
      config: { intervalMs: 1000, backoffCapMs: 1000 },
      answer: (id) => (down.has(id) ? TIMEOUT : { ...OK, sensors: { worst: 'warning', count: 2 } }),
    });
    poller.start();
    await clock.advance(999);
    expect(batches).toHaveLength(1); // 4 asks within one tick: one event
    expect(batches[0]!.map((s) => s.hostId).sort()).toEqual(['h000000', 'h000001', 'h000002', 'h000003']);
    expect(batches[0]!.find((s) => s.hostId === 'h000000')).toMatchObject({
      health: 'warning',
      sensorsAtWorst: 2,
    });
    await clock.advance(1000);
    // second cycle: the reachable hosts' lastSeen moved, the unreachable ones did not change
    expect(
      batches
        .slice(1)
        .flat()
        .map((s) => s.hostId)
        .sort(),
    ).toEqual(['h000000', 'h000002']);
  });

  it('stops asking removed hosts and drops an answer that arrives after the removal', async () => {
    let finish: (() => void) | undefined;
    const { clock, poller, at, batches } = setup({
      hosts: 2,
      config: { intervalMs: 1000 },
      answer: (id) => (id === 'h000001' ? new Promise((r) => (finish = () => r(OK))) : OK),
    });
    poller.start();
    await clock.advance(100);
    expect(finish).toBeDefined();
    poller.setHosts([{ hostId: 'h000000', key: 'k' }]);
    finish!();
    await clock.advance(5000);
    expect(at('h000001')).toHaveLength(1);
    expect(poller.snapshot().map((s) => s.hostId)).toEqual(['h000000']);
    expect(batches.flat().some((s) => s.hostId === 'h000001')).toBe(false);
    // an added host is asked at once
    poller.setHosts([
      { hostId: 'h000000', key: 'k' },
      { hostId: 'h000009', key: 'k' },
    ]);
    await clock.advance(1);
    expect(at('h000009')).toHaveLength(1);
  });

  it('reads the sensors on the first ask, every n-th ask after, and after a failure', async () => {
    let fail = false;
    const { clock, poller, at } = setup({
      hosts: 1,
      config: { intervalMs: 1000, sensorEvery: 3, backoffCapMs: 1000 },
      answer: (_id, sensors) =>
        fail ? TIMEOUT : { ...OK, ...(sensors && { sensors: { worst: 'ok', count: 0 } }) },
    });
    poller.start();
    await clock.advance(6500);
    expect(at('h000000').map((a) => a.sensors)).toEqual([true, false, false, true, false, false, true]);
    expect(poller.snapshot()[0]).toMatchObject({ health: 'ok', sensorsAtWorst: 0 });
    fail = true;
    await clock.advance(1000);
    fail = false;
    await clock.advance(1000);
    expect(
      at('h000000')
        .map((a) => a.sensors)
        .slice(-2),
    ).toEqual([false, true]);
  });

  it('a new interval re-staggers the waiting hosts', async () => {
    const { clock, poller, at, ids } = setup({ hosts: 10 });
    poller.start();
    await clock.advance(2000);
    poller.configure({ intervalMs: 1000 });
    await clock.advance(1000);
    for (const id of ids) expect(at(id).length).toBeGreaterThanOrEqual(2);
  });
});
