// fleet.powerStatus through the IPC dispatcher against real lab BMCs (ipmi_sim): the app's real connect,
// passwords from its credential store. A host whose session the pool already holds is asked through it
// (its login count stays 1); the others get one-shot sessions that do not stay in the pool. Answers are
// checked against ipmitool.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IpmiSession } from '../ipmi/client/connect';
import { ipmitool, startLabBmc, type LabBmc } from '../../e2e/lab/bmc-lab';
import { labHostsApp } from '../../e2e/lab/lab-app';

const N = 4;
let bmcs: LabBmc[] = [];

beforeAll(async () => {
  bmcs = await Promise.all(Array.from({ length: N }, () => startLabBmc({ satellite: false })));
  const r = await ipmitool(bmcs[2]!, ['chassis', 'power', 'on']);
  if (r.code !== 0) throw new Error(r.stderr);
}, 60_000);

afterAll(async () => {
  await Promise.all(bmcs.map((b) => b.stop()));
});

describe('fleet.powerStatus against lab BMCs', () => {
  it('reuses the pooled session of an open host and agrees with ipmitool on every host', async () => {
    const sessions: { host: string; port: number | undefined; s: IpmiSession }[] = [];
    const app = await labHostsApp(
      bmcs.map((bmc, i) => ({ bmc, id: `h0fleetpeer${i}`, cipherSuite: 'auto' })),
      { onSession: (s, o) => void sessions.push({ host: o.host, port: o.port, s }) },
    );
    const hosts = app.hosts;
    try {
      // host 1 is open in the pool (as after viewing it)
      const pooled = await app.services.pool.use(hosts[1]!.id, async (s) => s.info?.bmcSessionId);
      expect(sessions).toHaveLength(1);
      const pooledSession = sessions[0]!.s;

      const r = await app.dispatch('fleet.powerStatus', {
        operationId: 'op-fleet-peer1',
        hostIds: hosts.map((h) => h.id),
      });
      expect(r.ok).toBe(true);
      const value = (
        r as { value: { results: { hostId: string; power?: string; error?: unknown }[]; cancelled: boolean } }
      ).value;
      expect(value.cancelled).toBe(false);
      const expected = await Promise.all(
        bmcs.map(
          async (b) =>
            /Chassis Power is (on|off)/.exec((await ipmitool(b, ['chassis', 'power', 'status'])).stdout)?.[1],
        ),
      );
      expect(expected).toEqual(['off', 'off', 'on', 'off']);
      expect(Object.fromEntries(value.results.map((x) => [x.hostId, x.power ?? x.error]))).toEqual(
        Object.fromEntries(hosts.map((h, i) => [h.id, expected[i]])),
      );

      // one new session per other host; none for the pooled one, which is still the same open session
      expect(
        sessions
          .slice(1)
          .map((x) => x.port)
          .sort(),
      ).toEqual([0, 2, 3].map((i) => bmcs[i]!.port).sort());
      expect(pooledSession.stats.logins).toBe(1);
      expect(pooledSession.info?.bmcSessionId).toBe(pooled);
      expect(app.services.pool.isOpen(hosts[1]!.id)).toBe(true);
      expect(app.services.pool.size).toBe(1);
      // the fleet's sessions were closed: a request on them is refused
      for (const x of sessions.slice(1))
        await expect(x.s.request({ netFn: 0x06, cmd: 0x01 })).rejects.toMatchObject({ kind: 'closed' });
    } finally {
      await app.shutdown();
    }
  });
});
