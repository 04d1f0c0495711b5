// Every BMC call of the contract against a BMC that answers garbage: each reply a random completion code
// (mostly 0x00) and 0 to 48 random data bytes, from a seeded generator so a failure names its seed. A
// call may fail, but only with a typed error a UI can explain (timeout, completion code, protocol, …);
// never 'internal', which is what the dispatcher makes of an untyped exception (a TypeError or
// RangeError in a decoder) or of a result outside the call's schema. The lab peer tests show the calls
// work; this shows a broken or hostile BMC cannot crash them or smuggle malformed data to the renderer.
import { describe, expect, it } from 'vitest';
import { contract, type CallName } from '../../shared/contract/index';
import type { IpmiRequest, IpmiResponse, RequestOptions } from '../ipmi/client/requester';
import type { IpmiSession } from '../ipmi/client/connect';
import { newStats } from '../ipmi/client/stats';
import { completionCodeError, IpmiError } from '../ipmi/errors';
import { EXAMPLE_HOST, testApp } from './test-app';

/** mulberry32: a small seeded generator, so every run sends the same garbage */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Requests one call may send before the fake stops answering (a walk over random next-record ids
 *  could otherwise run for 65 535 records); the timeout it then gets is a typed error like any other. */
const BUDGET = 400;

function hostileSession(random: () => number): IpmiSession {
  let sent = 0;
  const raw = async (req: IpmiRequest, opts?: RequestOptions): Promise<IpmiResponse> => {
    if (opts?.signal?.aborted) throw new IpmiError('cancelled', 'bmc.test: cancelled', { host: 'bmc.test' });
    if (++sent > BUDGET)
      throw new IpmiError('timeout', 'bmc.test: no answer', {
        host: 'bmc.test',
        netFn: req.netFn,
        cmd: req.cmd,
      });
    const ccs = [0xc1, 0xc9, 0xcc, 0xd4, 0xd5, 0x80, 0x81, 0xff];
    const completionCode = random() < 0.85 ? 0 : ccs[Math.floor(random() * ccs.length)]!;
    const data = Buffer.from(
      Array.from({ length: Math.floor(random() * 49) }, () => Math.floor(random() * 256)),
    );
    return { completionCode, data };
  };
  const session: IpmiSession = {
    host: 'bmc.test',
    info: { interface: 'lanplus', cipherSuite: 17, privilege: 4, bmcSessionId: 1, consoleSessionId: 2 },
    stats: newStats(),
    raw,
    request: async (req, opts) => {
      const r = await raw(req, opts);
      if (r.completionCode !== 0)
        throw completionCodeError('bmc.test', 'request', req.netFn, req.cmd, r.completionCode);
      return r.data;
    },
    bridged: () => session,
    close: async () => undefined,
  };
  return session;
}

/** fleet results carry one error per host: none of those may be 'internal' either */
function hasInternal(v: unknown): boolean {
  if (Array.isArray(v)) return v.some(hasInternal);
  if (v === null || typeof v !== 'object') return false;
  const o = v as Record<string, unknown>;
  return o['code'] === 'internal' || Object.values(o).some(hasInternal);
}

const bmcCalls = (Object.keys(contract) as CallName[]).filter((c) => contract[c].privilege !== 'none');
/** runs per call (different garbage each); mc.reset waits out its grace time each run, so it gets few */
const RUNS: Partial<Record<CallName, number>> = { 'mc.reset': 2 };
const DEFAULT_RUNS = 25;

describe('a BMC that answers garbage', () => {
  it.each(bmcCalls)(
    '%s fails only with typed errors and returns only schema-valid results',
    async (call) => {
      const failures: string[] = [];
      const codes = new Set<string>();
      for (let seed = 1; seed <= (RUNS[call] ?? DEFAULT_RUNS); seed++) {
        const random = prng(seed * 7919 + call.length);
        const logs: string[] = [];
        const app = await testApp({
          log: (line) => logs.push(line),
          hosts: [EXAMPLE_HOST],
          passwords: { [EXAMPLE_HOST.id]: 'not-a-real-password' },
          connect: async () => hostileSession(random),
        });
        try {
          const example = { ...(contract[call].example as Record<string, unknown>) };
          if ('waitSeconds' in example) example['waitSeconds'] = 3; // mc.reset: the fake "returns" at once
          const env = await app.dispatch(call, example);
          codes.add(env.ok ? 'ok' : env.error.code);
          if (!env.ok ? env.error.code === 'internal' : hasInternal(env.value))
            failures.push(`seed ${seed}: ${logs.filter((l) => /internal|schema/.test(l)).join('; ')}`);
        } finally {
          await app.shutdown();
        }
      }
      expect(failures, `${call}: outcomes ${[...codes].join(', ')}`).toEqual([]);
    },
    60_000,
  );
});
