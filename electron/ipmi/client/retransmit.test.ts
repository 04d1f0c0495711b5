// The retransmission loop, driven by a fake clock and a scripted network: which tries go out when,
// how the give-up time bounds them, Karn's rule, and jitter from an injected random source.
import { describe, expect, it } from 'vitest';
import {
  fixedWait,
  giveUpMs,
  jitter,
  retransmit,
  scheduledWait,
  steadyTries,
  exchangesInFlight,
  PER_EXCHANGE_IN_FLIGHT_MS,
  type RetransmitPolicy,
} from './retransmit';
import { RttEstimator, INITIAL_RTO_MS } from './rtt-estimator';

/** A network on a fake clock: `answerAt[i]` = ms after try i is sent when its answer arrives, or absent. */
function scripted(answerAt: (number | undefined)[]) {
  let t = 0;
  const sends: number[] = [];
  const waits: number[] = [];
  let pending: { at: number; value: string } | undefined;
  return {
    now: () => t,
    sends,
    waits,
    loop: {
      send(attempt: number) {
        sends.push(t);
        const a = answerAt[attempt];
        if (a !== undefined && (!pending || t + a < pending.at))
          pending = { at: t + a, value: `answer to try ${attempt}` };
      },
      async wait(ms: number): Promise<string | 'timeout'> {
        waits.push(ms);
        if (pending && pending.at <= t + ms) {
          t = pending.at;
          return pending.value;
        }
        t += ms;
        return 'timeout';
      },
    },
  };
}

const fixed: RetransmitPolicy = { timeoutMs: 1000, retries: 3, adaptive: false };
const adaptive: RetransmitPolicy = { timeoutMs: 1000, retries: 3, adaptive: true };
const mid = () => 0.5; // no jitter on the adaptive schedule (factor 1.0), +10 % on the fixed one
const zero = () => 0;

describe('schedules', () => {
  it('fixed: T·(1 + i/2), 7 s in all for T = 1 s and 4 tries', () => {
    expect([0, 1, 2, 3].map((i) => fixedWait(1000, i))).toEqual([1000, 1500, 2000, 2500]);
    expect(giveUpMs(fixed)).toBe(7000);
    expect(giveUpMs({ timeoutMs: 300, retries: 4 })).toBe(300 + 450 + 600 + 750 + 900);
  });
  it('adaptive: the RTO doubles per try but never exceeds the fixed wait of that try', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map((i) => scheduledWait(adaptive, i, 100))).toEqual([
      100, 200, 400, 800, 1600, 3200, 4000,
    ]);
    expect(scheduledWait(adaptive, 0, undefined)).toBe(1000);
    expect(scheduledWait(fixed, 0, 5)).toBe(1000); // non-idempotent: the RTO is ignored
  });
  it('jitter: adaptive ±20 %, fixed only later (+0..20 %)', () => {
    expect(jitter(100, true, () => 0)).toBe(80);
    expect(jitter(100, true, () => 0.999999)).toBe(120);
    expect(jitter(1000, false, () => 0)).toBe(1000);
    expect(jitter(1000, false, () => 0.999999)).toBe(1200);
  });
});

describe('retransmit', () => {
  it('without an estimator: the fixed schedule, R + 1 tries, then a timeout after the whole schedule', async () => {
    const n = scripted([]);
    const o = await retransmit(fixed, n.loop, { now: n.now, random: zero });
    expect(o).toEqual({ kind: 'timeout', tries: 4, elapsedMs: 7000 });
    expect(n.sends).toEqual([0, 1000, 2500, 4500]);
  });

  it('a lost datagram costs one RTO, not a second: the answer to the retransmission ends the loop', async () => {
    const rtt = new RttEstimator(20);
    for (let i = 0; i < 10; i++) rtt.sample(2, 0x0123);
    const rto = rtt.rto(0x0123)!;
    expect(rto).toBeLessThan(50);
    const n = scripted([undefined, 2]);
    const o = await retransmit(adaptive, n.loop, { now: n.now, random: mid, rtt, command: 0x0123 });
    expect(o).toMatchObject({ kind: 'answer', value: 'answer to try 1', tries: 2 });
    expect(n.sends).toEqual([0, rto]);
  });

  it('keeps retransmitting on the adaptive timer until the give-up time, beyond R + 1 tries', async () => {
    const rtt = new RttEstimator(20);
    for (let i = 0; i < 10; i++) rtt.sample(2, 1);
    const n = scripted([]);
    const o = await retransmit(adaptive, n.loop, { now: n.now, random: mid, rtt, command: 1 });
    expect(o.kind).toBe('timeout');
    expect(o.tries).toBeGreaterThan(4);
    expect(o.elapsedMs).toBe(giveUpMs(adaptive)); // the last wait is cut to the give-up time
    // every wait at most the fixed schedule's for that try
    n.waits.forEach((w, i) => expect(w).toBeLessThanOrEqual(fixedWait(1000, i)));
  });

  it('a non-idempotent request ignores the RTO: tries only at the fixed schedule, never earlier', async () => {
    const rtt = new RttEstimator(20);
    for (let i = 0; i < 10; i++) rtt.sample(2, 2);
    const n = scripted([undefined, undefined, 3]);
    const o = await retransmit(fixed, n.loop, { now: n.now, random: () => 0.5, rtt, command: 2 });
    expect(o).toMatchObject({ kind: 'answer', tries: 3 });
    expect(n.sends).toEqual([0, 1100, 1100 + 1650]);
  });

  it('steady (Open Session): the first wait is T, then a copy every T/2 until the give-up time', async () => {
    const rtt = new RttEstimator(20);
    for (let i = 0; i < 10; i++) rtt.sample(2, 'open');
    const steady: RetransmitPolicy = { timeoutMs: 1000, retries: 3, adaptive: false, steady: true };
    const silent = scripted([]);
    const o = await retransmit(steady, silent.loop, { now: silent.now, random: zero, rtt, command: 'open' });
    // never earlier than T for the first copy, whatever the RTO; 1 + 12 tries in the same 7 s as before
    expect(silent.sends).toEqual([0, 1000, 1500, 2000, 2500, 3000, 3500, 4000, 4500, 5000, 5500, 6000, 6500]);
    expect(o).toEqual({ kind: 'timeout', tries: 13, elapsedMs: 7000 });
    const late = scripted([undefined, undefined, undefined, 4]);
    expect(await retransmit(steady, late.loop, { now: late.now, random: zero })).toMatchObject({
      kind: 'answer',
      tries: 4,
      elapsedMs: 2004,
    });
    // jitter only delays (up to T/10), anchored to the start: the count and the give-up time stay
    const j = scripted([]);
    const oj = await retransmit(steady, j.loop, { now: j.now, random: () => 0.999999 });
    expect(j.sends.slice(0, 3)).toEqual([0, 1100, 1600]);
    expect(oj).toEqual({ kind: 'timeout', tries: 13, elapsedMs: 7000 });
    expect(steadyTries({ timeoutMs: 200, retries: 1 })).toBe(4);
    // -R 1 still means one datagram
    const one = scripted([]);
    const r1 = await retransmit({ ...steady, retries: 0 }, one.loop, { now: one.now, random: zero });
    expect(r1).toEqual({ kind: 'timeout', tries: 1, elapsedMs: 1000 });
  });

  it('each exchange in flight elsewhere in the process adds PER_EXCHANGE_IN_FLIGHT_MS to the timeout', async () => {
    const rtt = new RttEstimator(20);
    for (let i = 0; i < 10; i++) rtt.sample(10, 5);
    const base = rtt.rto(5)!;
    // three exchanges of other sessions wait for answers that come only when we release them
    const release: (() => void)[] = [];
    const others = [0, 1, 2].map(() =>
      retransmit(
        adaptive,
        {
          send: () => undefined,
          wait: () => new Promise<string>((res) => release.push(() => res('late answer'))),
        },
        { rtt, command: 5 },
      ),
    );
    expect(exchangesInFlight()).toBe(3);
    const n = scripted([undefined, 1]);
    await retransmit(adaptive, n.loop, { now: n.now, random: mid, rtt, command: 5 });
    expect(n.waits[0]).toBe(base + 3 * PER_EXCHANGE_IN_FLIGHT_MS);
    // requests ahead on the same session count once, at one SRTT each, not twice
    const m = scripted([undefined, 1]);
    await retransmit(adaptive, m.loop, { now: m.now, random: mid, rtt, command: 5, ahead: 2 });
    expect(m.waits[0]).toBe(rtt.rto(5, 2)! + 1 * PER_EXCHANGE_IN_FLIGHT_MS);
    release.forEach((r) => r());
    await Promise.all(others);
    expect(exchangesInFlight()).toBe(0);
  });

  it('before any sample the first wait is INITIAL_RTO_MS, then it doubles', async () => {
    const rtt = new RttEstimator(20);
    const n = scripted([undefined, undefined, 1]);
    await retransmit(adaptive, n.loop, { now: n.now, random: mid, rtt });
    expect(n.sends).toEqual([0, INITIAL_RTO_MS, INITIAL_RTO_MS + Math.min(2 * INITIAL_RTO_MS, 1500)]);
  });

  it("Karn's rule: only an answer to a single transmission is a round-trip sample", async () => {
    const rtt = new RttEstimator(20);
    const a = scripted([7]);
    await retransmit(adaptive, a.loop, { now: a.now, random: mid, rtt, command: 3 });
    expect(rtt.samples).toBe(1);
    const b = scripted([undefined, 7]);
    await retransmit(adaptive, b.loop, { now: b.now, random: mid, rtt, command: 3 });
    expect(rtt.samples).toBe(1);
  });

  it('one try asked for (retries 0) is one datagram waiting the whole timeout, whatever the RTO', async () => {
    const rtt = new RttEstimator(20);
    for (let i = 0; i < 10; i++) rtt.sample(2, 4);
    const n = scripted([]);
    const o = await retransmit({ timeoutMs: 500, retries: 0, adaptive: true }, n.loop, {
      now: n.now,
      random: zero,
      rtt,
      command: 4,
    });
    expect(o).toEqual({ kind: 'timeout', tries: 1, elapsedMs: 500 });
  });

  it("onSilence 'stop' ends the loop (the session logs in again)", async () => {
    const n = scripted([]);
    let calls = 0;
    const o = await retransmit(
      fixed,
      { ...n.loop, onSilence: async () => (++calls === 2 ? 'stop' : 'go-on') },
      { now: n.now, random: zero },
    );
    expect(o).toEqual({ kind: 'stopped', tries: 2, elapsedMs: 2500 });
  });

  it('jitter spreads a fleet: 256 hosts that lost the same burst retransmit at different times', async () => {
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const rtt = new RttEstimator(20);
    for (let i = 0; i < 10; i++) rtt.sample(50, 5);
    const at = new Set<number>();
    for (let h = 0; h < 256; h++) {
      const n = scripted([undefined, 1]);
      await retransmit(adaptive, n.loop, { now: n.now, random, rtt, command: 5 });
      at.add(n.sends[1]!);
    }
    // ±20 % of a ~50 ms RTO at 1 ms granularity: at least a dozen distinct instants, none in lockstep
    expect(at.size).toBeGreaterThan(12);
    const rto = rtt.rto(5)!;
    for (const t of at) expect(Math.abs(t - rto)).toBeLessThanOrEqual(Math.ceil(rto * 0.2));
  });
});
