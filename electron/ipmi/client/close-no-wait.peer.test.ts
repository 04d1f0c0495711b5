// close({ wait: false }) against a real lab BMC (ipmi_sim): Close Session is sent once and the session is
// released at once, yet the BMC really frees the session — seen from a second session with Get Session
// Info (active session count).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAB_USERS, startLabBmc, type LabBmc } from '../../../e2e/lab/bmc-lab';
import { UdpEndpoint } from '../transport/udp-endpoint';
import { connect, type ConnectOptions, type IpmiSession } from './connect';

let bmc: LabBmc;
let endpoint: UdpEndpoint;

beforeAll(async () => {
  bmc = await startLabBmc({ satellite: false });
  endpoint = new UdpEndpoint();
}, 60_000);

afterAll(async () => {
  endpoint?.close();
  await bmc?.stop();
});

const opts = (): ConnectOptions => ({
  host: bmc.host,
  port: bmc.port,
  username: LAB_USERS.admin.name,
  password: LAB_USERS.admin.password,
  privilege: 'user',
  cipherSuite: 3,
  keepaliveMs: 0,
  timeoutMs: 500,
  endpoint,
});

/** Get Session Info for the current session: byte 2 bits 5:0 = sessions active on the BMC. */
async function activeSessions(s: IpmiSession): Promise<number> {
  const d = await s.request({ netFn: 0x06, cmd: 0x3d, data: Uint8Array.of(0x00) });
  return d[2]! & 0x3f;
}

describe('close({ wait: false }) against a lab BMC', () => {
  it('sends Close Session once, returns without its answer, and the BMC frees the session', async () => {
    const observer = await connect(opts());
    try {
      const base = await activeSessions(observer);
      const s = await connect(opts());
      expect(await activeSessions(observer)).toBe(base + 1);
      const before = { sent: s.stats.sent, received: s.stats.received, unclaimed: endpoint.stats.unclaimed };
      const t0 = performance.now();
      await s.close({ wait: false });
      expect(performance.now() - t0).toBeLessThan(20); // no round trip
      expect(s.stats.sent).toBe(before.sent + 1);
      expect(s.stats.received).toBe(before.received);
      await expect(s.request({ netFn: 0x06, cmd: 0x01 })).rejects.toMatchObject({ kind: 'closed' });
      // the BMC processes the Close Session: the count drops back (polled, the answer is not awaited)
      let now = await activeSessions(observer);
      for (let i = 0; i < 20 && now !== base; i++) {
        await new Promise((r) => setTimeout(r, 10));
        now = await activeSessions(observer);
      }
      expect(now).toBe(base);
      // its answer arrived at the shared socket and went unclaimed, without disturbing the other session
      expect(endpoint.stats.unclaimed).toBe(before.unclaimed + 1);
      expect(observer.stats.dropped).toMatchObject({ badIntegrity: 0, replayed: 0, unmatched: 0 });
    } finally {
      await observer.close();
    }
  });
});
