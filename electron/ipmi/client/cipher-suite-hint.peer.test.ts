// The cipherSuiteHint connect option against real lab BMCs (ipmi_sim, which implements suites 0-14 and
// refuses 17): with cipherSuite 'auto', a BMC with no cached suite is first offered the hinted one. Counted
// in datagrams with the session's own stats: Open Session, RAKP 1, RAKP 3 is a login of three; a refused
// proposal of 17 makes it four. Each case uses a BMC/user pair this process has never logged in to (the
// suite cache is keyed by host, port and user).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAB_USERS, startLabBmc, type LabBmc, type LabUser } from '../../../e2e/lab/bmc-lab';
import { UdpEndpoint } from '../transport/udp-endpoint';
import { connect, type ConnectOptions, type IpmiSession } from './connect';

let bmcA: LabBmc;
let bmcB: LabBmc;
let endpoint: UdpEndpoint;

beforeAll(async () => {
  [bmcA, bmcB] = await Promise.all([startLabBmc({ satellite: false }), startLabBmc({ satellite: false })]);
  endpoint = new UdpEndpoint();
}, 60_000);

afterAll(async () => {
  endpoint?.close();
  await Promise.all([bmcA?.stop(), bmcB?.stop()]);
});

const opts = (b: LabBmc, user: LabUser, extra: Partial<ConnectOptions> = {}): ConnectOptions => ({
  host: b.host,
  port: b.port,
  username: user.name,
  password: user.password,
  // User privilege, as the fleet logs in: no Set Session Privilege Level after RAKP
  privilege: 'user',
  cipherSuite: 'auto',
  keepaliveMs: 0,
  timeoutMs: 500,
  endpoint,
  ...extra,
});

/** Logs in, reads the login's datagram counts, checks the session works, closes it. */
async function login(
  o: ConnectOptions,
): Promise<{ suite: number | undefined; sent: number; received: number; retransmits: number }> {
  const s: IpmiSession = await connect(o);
  try {
    const counts = {
      suite: s.info?.cipherSuite,
      sent: s.stats.sent,
      received: s.stats.received,
      retransmits: s.stats.retransmits,
    };
    const deviceId = await s.request({ netFn: 0x06, cmd: 0x01 });
    expect(deviceId.length).toBeGreaterThanOrEqual(11);
    expect(s.stats.sent).toBe(counts.sent + 1);
    return counts;
  } finally {
    await s.close();
  }
}

describe('cipherSuiteHint against lab BMCs', () => {
  it('without a hint a fresh BMC is first offered 17: one refused Open Session, four datagrams out (control)', async () => {
    const r = await login(opts(bmcA, LAB_USERS.admin));
    expect(r).toEqual({ suite: 3, sent: 4, received: 4, retransmits: 0 });
  });

  it('with a hint of 3 a fresh BMC logs in with one Open Session: three datagrams out, three in', async () => {
    const r = await login(opts(bmcB, LAB_USERS.admin, { cipherSuiteHint: 3 }));
    expect(r).toEqual({ suite: 3, sent: 3, received: 3, retransmits: 0 });
  });

  it('a suite cached for the BMC wins over the hint; a hint outside the auto preference list is ignored', async () => {
    // bmcA/admin has 3 cached from the first test: a hint of 17 does not bring the refused proposal back
    expect(await login(opts(bmcA, LAB_USERS.admin, { cipherSuiteHint: 17 }))).toEqual({
      suite: 3,
      sent: 3,
      received: 3,
      retransmits: 0,
    });
    // suite 1 (no integrity, no confidentiality) is never proposed by 'auto', hint or not
    expect(await login(opts(bmcB, LAB_USERS.operator, { cipherSuiteHint: 1 }))).toEqual({
      suite: 3,
      sent: 4,
      received: 4,
      retransmits: 0,
    });
  });

  it('the hint has no effect on an explicit cipher suite', async () => {
    const r = await login(opts(bmcA, LAB_USERS.user, { cipherSuite: 3, cipherSuiteHint: 17 }));
    expect(r).toEqual({ suite: 3, sent: 3, received: 3, retransmits: 0 });
  });
});
