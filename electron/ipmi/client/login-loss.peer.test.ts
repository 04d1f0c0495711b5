// Every step of an RMCP+ login survives the loss of its request or its answer, chosen datagram by
// chosen datagram through the impairment proxy, against ipmi_sim and pyghmi; a user the BMC rejects by
// name reads "unknown or disabled user" on both; a non-idempotent command is retransmitted only on the
// fixed schedule while a read is retransmitted after one RTO, both with the same rqSeq.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type ConnectOptions } from './connect';
import { UdpEndpoint } from '../transport/udp-endpoint';
import { LAB_USERS, ipmitool, startLabBmc, type LabBmc } from '../../../e2e/lab/bmc-lab';
import { startImpairmentProxy, type ImpairmentOptions } from '../../../e2e/lab/impairment-proxy';
import { startPyghmiPlainBmc, type PyghmiPlainBmc } from '../../../e2e/lab/pyghmi-plain-bmc';

const hex = (b: Buffer) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join(' ');
/** RMCP+ payload type of a datagram (IPMI v2.0 table 13-16), or undefined for anything else. */
const payloadType = (d: Buffer) => (d.length > 10 && d[4] === 0x06 ? d[5]! & 0x3f : undefined);
const sessionId = (d: Buffer) => d.readUInt32LE(6);

const OPEN_SESSION = 0x10;
const OPEN_SESSION_RESPONSE = 0x11;
const RAKP1 = 0x12;
const RAKP2 = 0x13;
const RAKP3 = 0x14;
const RAKP4 = 0x15;
const IPMI = 0x00;

/** A predicate dropping the first datagram of that payload type (in-session: the first one at all). */
function dropFirst(type: number) {
  let seen = 0;
  const pick = (d: Buffer) =>
    payloadType(d) === type && (type !== IPMI || sessionId(d) !== 0) && seen++ === 0;
  return { pick, seen: () => seen };
}

async function viaProxy(
  port: number,
  o: Partial<ImpairmentOptions>,
  connectOpts: Partial<ConnectOptions> = {},
) {
  const proxy = await startImpairmentProxy(
    { host: '127.0.0.1', port },
    { drop: 0, reorder: 0, delayMs: 1, ...o },
  );
  const endpoint = new UdpEndpoint();
  const t0 = performance.now();
  try {
    const s = await connect({
      host: '127.0.0.1',
      port: proxy.port,
      username: LAB_USERS.admin.name,
      password: LAB_USERS.admin.password,
      endpoint,
      ...connectOpts,
    });
    const loginMs = performance.now() - t0;
    const deviceId = hex(await s.request({ netFn: 0x06, cmd: 0x01 }));
    const retransmits = s.stats.retransmits;
    const info = { ...s.info! };
    await s.close();
    return { loginMs, deviceId, retransmits, info };
  } finally {
    endpoint.close();
    proxy.close();
  }
}

describe('login under loss, ipmi_sim', () => {
  let lab: LabBmc;
  let deviceId = '';
  beforeAll(async () => {
    lab = await startLabBmc();
    deviceId = (await ipmitool(lab, ['raw', '0x06', '0x01'])).stdout.replace(/\s+/g, ' ').trim();
  });
  afterAll(() => lab?.stop());

  it.each([
    ['Open Session request', 'toBmc', OPEN_SESSION],
    ['Open Session Response', 'fromBmc', OPEN_SESSION_RESPONSE],
    ['RAKP 1', 'toBmc', RAKP1],
    ['RAKP 2', 'fromBmc', RAKP2],
    ['RAKP 3', 'toBmc', RAKP3],
    ['RAKP 4', 'fromBmc', RAKP4],
    ['Set Session Privilege Level request', 'toBmc', IPMI],
    ['Set Session Privilege Level answer', 'fromBmc', IPMI],
  ] as const)('a lost %s costs one retransmission', async (_name, direction, type) => {
    const d = dropFirst(type);
    const r = await viaProxy(
      lab.port,
      direction === 'toBmc' ? { dropToBmc: d.pick } : { dropFromBmc: d.pick },
      {
        cipherSuite: 3,
      },
    );
    expect(d.seen()).toBeGreaterThanOrEqual(2); // dropped once, sent (or answered) again
    expect(r.retransmits).toBe(1);
    expect(r.deviceId).toBe(deviceId);
    expect(r.info.privilege).toBe(4);
    // A loss before the first round trip waits the initial 500 ms; after it, about one RTO.
    expect(r.loginMs).toBeLessThan(type === OPEN_SESSION || type === OPEN_SESSION_RESPONSE ? 1500 : 1000);
  });

  it('RAKP 4 lost twice: the BMC answers each repeated RAKP 3 inside the new session; login completes', async () => {
    let n = 0;
    const r = await viaProxy(
      lab.port,
      { dropFromBmc: (d) => payloadType(d) === RAKP4 && n++ < 2 },
      { cipherSuite: 3 },
    );
    expect(n).toBeGreaterThanOrEqual(3);
    expect(r.deviceId).toBe(deviceId);
  });

  it('80 logins at 10 % loss each way: none fails (the old fixed timer failed about one in 50)', async () => {
    const proxy = await startImpairmentProxy(
      { host: '127.0.0.1', port: lab.port },
      { drop: 0.1, reorder: 0, delayMs: 1, seed: 8 },
    );
    const endpoint = new UdpEndpoint();
    try {
      for (let i = 0; i < 80; i++) {
        const s = await connect({
          host: '127.0.0.1',
          port: proxy.port,
          username: LAB_USERS.admin.name,
          password: LAB_USERS.admin.password,
          cipherSuite: 3,
          endpoint,
        });
        expect(hex(await s.request({ netFn: 0x06, cmd: 0x01 }))).toBe(deviceId);
        await s.close();
      }
      expect(proxy.stats.dropped).toBeGreaterThan(40); // the proxy really lost datagrams
    } finally {
      endpoint.close();
      proxy.close();
    }
  }, 120_000);

  it.each([
    ['an unknown user', { username: 'nosuchuser', password: 'whatever' }],
    ['a disabled user', { username: LAB_USERS.disabled.name, password: LAB_USERS.disabled.password }],
  ])('%s: unknown or disabled user (ipmi_sim answers RAKP 2 with status 0x0d to both)', async (_n, who) => {
    const e = await connect({ host: '127.0.0.1', port: lab.port, ...who }).catch((x: unknown) => x);
    expect(e).toMatchObject({ kind: 'unknown-user', rmcpStatus: 0x0d, command: 'RAKP 2' });
    expect((e as Error).message).toBe(
      `127.0.0.1: unknown or disabled user "${who.username}" (Unauthorized name)`,
    );
  });

  it('a wrong password is a wrong password', async () => {
    const e = await connect({ host: '127.0.0.1', port: lab.port, username: 'admin', password: 'nope' }).catch(
      (x: unknown) => x,
    );
    expect(e).toMatchObject({ kind: 'wrong-password', command: 'RAKP 2' });
  });
});

describe('retransmission per command, ipmi_sim, suite 2 (integrity, no encryption: the proxy reads commands)', () => {
  let lab: LabBmc;
  beforeAll(async () => {
    lab = await startLabBmc();
  });
  afterAll(() => lab?.stop());

  /** In-session request layout in the clear: payload at 16, NetFn/LUN at 17, rqSeq at 20, command at 21. */
  async function firstTwo(netFn: number, cmd: number, data: number[]) {
    const seen: { at: number; rqSeq: number }[] = [];
    const proxy = await startImpairmentProxy(
      { host: '127.0.0.1', port: lab.port },
      {
        drop: 0,
        reorder: 0,
        delayMs: 1,
        dropToBmc: (d) => {
          if (payloadType(d) !== IPMI || sessionId(d) === 0 || d[17]! >> 2 !== netFn || d[21] !== cmd)
            return false;
          seen.push({ at: performance.now(), rqSeq: d[20]! >> 2 });
          return seen.length === 1;
        },
      },
    );
    const endpoint = new UdpEndpoint();
    try {
      const s = await connect({
        host: '127.0.0.1',
        port: proxy.port,
        username: 'admin',
        password: LAB_USERS.admin.password,
        cipherSuite: 2,
        endpoint,
      });
      for (let i = 0; i < 5; i++) await s.request({ netFn: 0x06, cmd: 0x01 }); // an RTT to learn from
      await s.request({ netFn, cmd, data: Uint8Array.from(data) });
      await s.close();
      return seen;
    } finally {
      endpoint.close();
      proxy.close();
    }
  }

  it('a read (Get Chassis Status) is repeated after about one RTO, with the same rqSeq', async () => {
    const [a, b] = await firstTwo(0x00, 0x01, []);
    expect(b!.rqSeq).toBe(a!.rqSeq);
    expect(b!.at - a!.at).toBeLessThan(400);
  });

  it('Chassis Control (non-idempotent) is repeated only after the fixed 1 s, with the same rqSeq', async () => {
    const [a, b] = await firstTwo(0x00, 0x02, [0x01]);
    expect(b!.rqSeq).toBe(a!.rqSeq);
    expect(b!.at - a!.at).toBeGreaterThanOrEqual(990);
  });
});

describe('pyghmi BMC (suite 3 whatever is proposed, silent to unknown users)', () => {
  let bmc: PyghmiPlainBmc;
  beforeAll(async () => {
    bmc = await startPyghmiPlainBmc();
  });
  afterAll(() => bmc?.stop());
  const base = () => ({
    host: '127.0.0.1',
    port: bmc.port,
    username: 'admin',
    password: LAB_USERS.admin.password,
  });

  it('no cipher suite given: logs in with suite 3, the one pyghmi chose', async () => {
    const endpoint = new UdpEndpoint();
    try {
      const s = await connect({ ...base(), endpoint });
      expect(s.info?.cipherSuite).toBe(3);
      expect((await s.request({ netFn: 0x06, cmd: 0x01 })).length).toBeGreaterThanOrEqual(11);
      await s.close();
    } finally {
      endpoint.close();
    }
  });

  it('cipher suite 17 asked for: refused with the suite to use', async () => {
    await expect(connect({ ...base(), cipherSuite: 17 })).rejects.toMatchObject({
      kind: 'unsupported-cipher-suite',
      message: "127.0.0.1: asked for cipher suite 17, the BMC chose suite 3's algorithms; use -C 3",
    });
  });

  it('an unknown user: pyghmi never answers RAKP 1, which reads as unknown or disabled user', async () => {
    const e = await connect({ ...base(), username: 'nosuchuser', timeoutMs: 200, retries: 1 }).catch(
      (x) => x,
    );
    expect(e).toMatchObject({ kind: 'unknown-user', command: 'RAKP 1' });
    expect(String((e as Error).message)).toContain('unknown or disabled user "nosuchuser"?');
  });

  it('a wrong password: wrong password (the proof is checked with suite 3, which pyghmi used)', async () => {
    await expect(connect({ ...base(), password: 'nope' })).rejects.toMatchObject({ kind: 'wrong-password' });
  });

  it('a lost RAKP 2: pyghmi draws a new random for the repeated RAKP 1, and login completes', async () => {
    const d = dropFirst(RAKP2);
    const r = await viaProxy(bmc.port, { dropFromBmc: d.pick });
    expect(d.seen()).toBe(2);
    expect(r.info.cipherSuite).toBe(3);
  });

  it('RAKP 2 answers slower than our RAKP 1 timer: RAKP 3 follows the random pyghmi holds last', async () => {
    // Every RAKP 2 arrives 150 ms late: RAKP 1 is repeated first, pyghmi replaces its random, and the
    // answer with the replaced one arrives first; the one that counts comes while we are at RAKP 3.
    const r = await viaProxy(bmc.port, { delayFromBmc: (d) => (payloadType(d) === RAKP2 ? 150 : undefined) });
    expect(r.retransmits).toBeGreaterThanOrEqual(2);
    expect(r.info.cipherSuite).toBe(3);
  });
});
