// fleetPowerStatus (runFleet with POWER_STATUS) against 16 real lab BMCs (ipmi_sim on 127.0.0.1, one port each): every answer is
// checked against `ipmitool chassis power status` for the same BMC; a wrong password and a silent port
// fail as typed errors for their host only; cancellation stops the run. One shared UDP socket serves all.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ipmitool, LAB_USERS, startLabBmc, type LabBmc } from '../../e2e/lab/bmc-lab';
import { freeUdpPort } from '../../e2e/lab/free-port';
import { UdpEndpoint } from '../ipmi/transport/udp-endpoint';
import { resetFleetSuiteHint, type FleetLoginTarget, type FleetResult, type FleetTarget } from './fleet';
import { fleetPowerStatus } from './fleet-actions';
import type { ChassisStatus } from '../ipmi/commands/chassis/get-chassis-status';

const N = 16;
const admin = LAB_USERS.admin;
let bmcs: LabBmc[] = [];
let endpoint: UdpEndpoint;

beforeAll(async () => {
  bmcs = await Promise.all(Array.from({ length: N }, () => startLabBmc({ satellite: false })));
  // A mix of on and off (every third BMC on), set with ipmitool so the expectation is independent of us.
  await Promise.all(
    bmcs.map(async (b, i) => {
      if (i % 3 !== 0) return;
      const r = await ipmitool(b, ['chassis', 'power', 'on']);
      if (r.code !== 0) throw new Error(`power on ${b.port}: ${r.stderr}`);
    }),
  );
  endpoint = new UdpEndpoint();
}, 120_000);

afterAll(async () => {
  endpoint?.close();
  await Promise.all(bmcs.map((b) => b.stop()));
});

const targets = (): FleetLoginTarget[] =>
  bmcs.map((b) => ({ host: b.host, port: b.port, username: admin.name, password: admin.password }));

async function ipmitoolPower(b: LabBmc): Promise<boolean> {
  const r = await ipmitool(b, ['chassis', 'power', 'status']);
  expect(r.code, r.stderr).toBe(0);
  const m = /^Chassis Power is (on|off)$/m.exec(r.stdout);
  expect(m, r.stdout).not.toBeNull();
  return m![1] === 'on';
}

describe('fleetPowerStatus against 16 lab BMCs', () => {
  it('agrees with ipmitool on every BMC, one progress event per host, five datagrams out and four in per host', async () => {
    resetFleetSuiteHint();
    const progress: { result: FleetResult<ChassisStatus>; done: number; total: number }[] = [];
    const report = await fleetPowerStatus(targets(), {
      endpoint,
      onProgress: (result, done, total) => progress.push({ result, done, total }),
    });
    expect(report.cancelled).toBe(false);
    expect(report.results).toHaveLength(N);
    expect(progress.map((p) => p.done)).toEqual(Array.from({ length: N }, (_, i) => i + 1));
    expect(progress.every((p) => p.total === N)).toBe(true);
    const expected = await Promise.all(bmcs.map(ipmitoolPower));
    expect(expected.filter(Boolean).length).toBe(Math.ceil(N / 3)); // the mix really is mixed
    for (const [i, r] of report.results.entries()) {
      expect(r.index).toBe(i);
      expect(r.port).toBe(bmcs[i]!.port);
      if (!r.ok) throw r.error;
      expect(r.value.powerOn, `BMC ${i} on port ${r.port}`).toBe(expected[i]);
    }
    // Open Session, RAKP 1, RAKP 3, Get Chassis Status, Close Session per host; only the first host may
    // pay for one refused cipher suite proposal (the others get the fleet's hint).
    // A retransmission is the machine's load (the test tiers share two cores), not the protocol: the
    // count of distinct datagrams is what this checks, so copies are taken out of both counts.
    const first = report.datagrams.sent - report.datagrams.retransmits;
    expect(first).toBeGreaterThanOrEqual(5 * N);
    expect(first).toBeLessThanOrEqual(5 * N + 1);
    expect(report.datagrams.retransmits).toBeLessThanOrEqual(N); // and the load did not cause a storm
    // every datagram answered and read, except the Close Session answers (not waited for); a copy may
    // be answered twice
    expect(report.datagrams.received).toBeGreaterThanOrEqual(first - N);
    expect(report.datagrams.received).toBeLessThanOrEqual(report.datagrams.sent - N);

    // A second run: the suite is cached per host; still five datagrams each.
    const again = await fleetPowerStatus(targets(), { endpoint });
    expect(again.results.map((r) => r.ok && r.value.powerOn)).toEqual(expected);
    expect(again.datagrams.sent - again.datagrams.retransmits).toBe(5 * N);
    expect(again.datagrams.received).toBeGreaterThanOrEqual(4 * N);
    expect(again.datagrams.received).toBeLessThanOrEqual(again.datagrams.sent - N);
    expect(again.datagrams.retransmits).toBeLessThanOrEqual(N);
  });

  it('a wrong password and a silent port fail with typed errors for their host only', async () => {
    const silentPort = await freeUdpPort();
    const list = targets();
    list[5] = { ...list[5]!, password: 'not-the-password' };
    list.push({ host: '127.0.0.1', port: silentPort, username: admin.name, password: admin.password });
    const report = await fleetPowerStatus(list, { endpoint, timeoutMs: 200, retries: 1 });
    expect(report.results).toHaveLength(N + 1);
    const bad = report.results[5]!;
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error.kind).toBe('wrong-password');
      expect(bad.error.host).toBe('127.0.0.1');
    }
    const silent = report.results[N]!;
    expect(silent.ok).toBe(false);
    if (!silent.ok) expect(silent.error.kind).toBe('timeout');
    const expected = await Promise.all(bmcs.map(ipmitoolPower));
    for (const [i, r] of report.results.slice(0, N).entries()) {
      if (i === 5) continue;
      if (!r.ok) throw r.error;
      expect(r.value.powerOn).toBe(expected[i]);
    }
  });

  it('cancellation stops starting hosts and returns promptly with what finished', async () => {
    const ac = new AbortController();
    const list = targets();
    // The last host never answers: without a working cancel the run would wait for its retries.
    list.push({
      host: '127.0.0.1',
      port: await freeUdpPort(),
      username: admin.name,
      password: admin.password,
    });
    const seen: number[] = [];
    const t0 = performance.now();
    const report = await fleetPowerStatus(list, {
      endpoint,
      concurrency: 1,
      signal: ac.signal,
      onProgress: (r, done) => {
        seen.push(r.index);
        if (done === 3) ac.abort();
      },
    });
    expect(report.cancelled).toBe(true);
    expect(report.results.map((r) => r.index)).toEqual([0, 1, 2]);
    expect(seen).toEqual([0, 1, 2]);
    expect(performance.now() - t0).toBeLessThan(3000);

    // Cancelled while a silent host is still logging in: the run ends without waiting for its retries.
    const ac2 = new AbortController();
    const silentOnly: FleetTarget[] = [list[N]!];
    setTimeout(() => ac2.abort(), 100);
    const t1 = performance.now();
    const r2 = await fleetPowerStatus(silentOnly, {
      endpoint,
      signal: ac2.signal,
      timeoutMs: 1000,
      retries: 3,
    });
    expect(r2.cancelled).toBe(true);
    expect(r2.results).toEqual([]);
    expect(performance.now() - t1).toBeLessThan(1000);
  });
});
