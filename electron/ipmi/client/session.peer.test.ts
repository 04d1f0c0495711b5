// The session layer against a real BMC (ipmi_sim), with ipmitool as the reference reader.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { connect, type ConnectOptions, type IpmiSession } from './connect';
import { LAB_USERS, ipmitool, startLabBmc, type LabUser } from '../../../e2e/lab/bmc-lab';
import { sharedLabBmc } from '../../../e2e/lab/shared-lab';
import { IpmiError } from '../errors';

const lab = sharedLabBmc();
// ipmi_sim has few session slots and, when they are full, silently ignores Open Session: close each
// session as soon as its test ends.
const sessions: IpmiSession[] = [];
afterEach(async () => {
  await Promise.all(sessions.splice(0).map((s) => s.close()));
});

function opts(user: LabUser, extra: Partial<ConnectOptions> = {}): ConnectOptions {
  return {
    host: lab.host,
    port: lab.port,
    username: user.name,
    password: user.password,
    privilege: user.privilege,
    timeoutMs: 500,
    ...extra,
  };
}

async function open(o: ConnectOptions): Promise<IpmiSession> {
  const s = await connect(o);
  sessions.push(s);
  return s;
}

/** ipmitool prints raw response bytes as " xx xx ..." lines of 16 */
function ipmitoolRawBytes(stdout: string): string {
  return stdout.replace(/\s+/g, ' ').trim();
}

const hexBytes = (b: Buffer) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join(' ');

describe('session layer against ipmi_sim', async () => {
  const reference = await ipmitool(lab, ['raw', '0x06', '0x01']);
  const deviceId = ipmitoolRawBytes(reference.stdout);

  it('ipmitool reads Get Device ID from the lab (reference)', () => {
    expect(reference.code).toBe(0);
    expect(deviceId.split(' ').length).toBeGreaterThanOrEqual(11);
  });

  // ipmi_sim implements suites 0-14. Those with HMAC-MD5 authentication plus HMAC-MD5 integrity or AES
  // (7, 8, 12) fail in ipmi_sim itself: it derives K1/K2 from a 16-byte constant instead of the spec's 20
  // (OpenIPMI lanserv_ipmi.c rakp_hmac_set2; ipmitool and FreeIPMI fail the same way, research notes
  // §2.8); the key-derivation known-answer tests cover them. RC4 suites are deliberately not implemented.
  it.each([1, 2, 3, 6, 11])('cipher suite %i opens a session and reads Get Device ID', async (suite) => {
    const s = await open(opts(LAB_USERS.admin, { cipherSuite: suite }));
    expect(s.info).toMatchObject({ interface: 'lanplus', cipherSuite: suite, privilege: 4 });
    expect(hexBytes(await s.request({ netFn: 0x06, cmd: 0x01 }))).toBe(deviceId);
  });

  it('cipher suite 0 is refused unless explicitly allowed, then works', async () => {
    await expect(connect(opts(LAB_USERS.admin, { cipherSuite: 0 }))).rejects.toMatchObject({
      kind: 'insecure-refused',
    });
    const s = await open(opts(LAB_USERS.admin, { cipherSuite: 0, allowInsecure: true }));
    expect(hexBytes(await s.request({ netFn: 0x06, cmd: 0x01 }))).toBe(deviceId);
  });

  it('auto suite choice falls back from 17 to 3 without a timeout', async () => {
    const t0 = Date.now();
    const s = await open(opts(LAB_USERS.admin));
    expect(s.info?.cipherSuite).toBe(3);
    expect(Date.now() - t0).toBeLessThan(450); // less than one retransmission timeout
    expect(s.stats.retransmits).toBe(0);
    expect(hexBytes(await s.request({ netFn: 0x06, cmd: 0x01 }))).toBe(deviceId);
  });

  it('a suite the BMC lacks gives the typed error', async () => {
    await expect(connect(opts(LAB_USERS.admin, { cipherSuite: 17 }))).rejects.toMatchObject({
      kind: 'unsupported-cipher-suite',
      rmcpStatus: 0x04,
    });
  });

  it.each(['md5', 'md2', 'password'] as const)('IPMI 1.5 auth type %s opens a session', async (authType) => {
    const s = await open(opts(LAB_USERS.admin, { interface: 'lan', authType }));
    expect(s.info).toMatchObject({ interface: 'lan', authType, privilege: 4 });
    expect(hexBytes(await s.request({ netFn: 0x06, cmd: 0x01 }))).toBe(deviceId);
  });

  it('IPMI 1.5 auth type none is refused unless allowed, then works', async () => {
    await expect(
      connect(opts(LAB_USERS.admin, { interface: 'lan', authType: 'none' })),
    ).rejects.toMatchObject({
      kind: 'insecure-refused',
    });
    const s = await open(opts(LAB_USERS.admin, { interface: 'lan', authType: 'none', allowInsecure: true }));
    expect(hexBytes(await s.request({ netFn: 0x06, cmd: 0x01 }))).toBe(deviceId);
  });

  it.each(['operator', 'user'] as const)('the %s account logs in at its own level', async (who) => {
    const u = LAB_USERS[who];
    const s = await open(opts(u));
    expect(s.info?.privilege).toBe(who === 'operator' ? 3 : 2);
    await s.request({ netFn: 0x06, cmd: 0x01 });
  });

  it('a privilege request is granted or refused exactly as ipmitool sees it', async () => {
    // ipmi_sim does not enforce the per-user privilege limit at Set Session Privilege Level; whatever
    // it does, we must report the same outcome as the reference client.
    const ref = await ipmitool(lab, ['-L', 'ADMINISTRATOR', 'raw', '0x06', '0x01'], { user: LAB_USERS.user });
    const ours = await connect(opts(LAB_USERS.user, { privilege: 'administrator' })).then(
      async (s) => {
        sessions.push(s);
        return s.info?.privilege === 4;
      },
      (e: IpmiError) => (expect(e.kind).toBe('privilege'), false),
    );
    expect(ours).toBe(ref.code === 0);
  });

  describe('authentication failures (a private BMC: failed logins hold ipmi_sim session slots)', async () => {
    const own = await startLabBmc();
    afterAll(() => own.stop());
    const base = (extra: Partial<ConnectOptions>): ConnectOptions => ({
      host: own.host,
      port: own.port,
      username: 'admin',
      password: LAB_USERS.admin.password,
      timeoutMs: 500,
      ...extra,
    });
    it('lanplus: wrong password and unknown user', async () => {
      await expect(connect(base({ password: 'not-the-password' }))).rejects.toMatchObject({
        kind: 'wrong-password',
        host: own.host,
      });
      await expect(connect(base({ username: 'nosuchuser' }))).rejects.toMatchObject({ kind: 'unknown-user' });
    });
    it('lan: wrong password and unknown user', async () => {
      await expect(
        connect(base({ interface: 'lan', password: 'not-the-password', retries: 1 })),
      ).rejects.toMatchObject({
        kind: 'wrong-password',
      });
      await expect(connect(base({ interface: 'lan', username: 'nosuchuser' }))).rejects.toMatchObject({
        kind: 'unknown-user',
        message: expect.stringContaining('unknown or disabled user "nosuchuser"'),
      });
    });
    it('lan: a disabled user with its right password is refused by name, never as a wrong password', async () => {
      const d = LAB_USERS.disabled;
      const e: unknown = await connect(
        base({ interface: 'lan', username: d.name, password: d.password, retries: 1 }),
      ).catch((x: unknown) => x);
      expect(e).toMatchObject({ kind: 'unknown-user' });
      expect(String((e as Error).message)).toContain(`unknown or disabled user "${d.name}"`);
    });
  });

  it('the disabled account cannot log in', async () => {
    const e = await connect(opts(LAB_USERS.disabled, { retries: 0 })).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(IpmiError);
    expect((e as IpmiError).kind).toMatch(/unknown-user|auth-failed|wrong-password|privilege|rmcp-status/);
  });

  it('64 concurrent requests on one session all return the right answers', async () => {
    const s = await open(opts(LAB_USERS.admin));
    const reqs = Array.from({ length: 64 }, (_, i) =>
      i % 2 === 0 ? s.request({ netFn: 0x06, cmd: 0x01 }) : s.request({ netFn: 0x00, cmd: 0x01 }),
    );
    const out = await Promise.all(reqs);
    const chassis = (await ipmitool(lab, ['raw', '0x00', '0x01'])).stdout;
    out.forEach((r, i) => expect(hexBytes(r)).toBe(i % 2 === 0 ? deviceId : ipmitoolRawBytes(chassis)));
  });

  it('a completion code comes back as a typed error with its meaning', async () => {
    const s = await open(opts(LAB_USERS.admin));
    const e = await s.request({ netFn: 0x06, cmd: 0xee }).catch((x) => x);
    expect(e).toMatchObject({ kind: 'completion-code', completionCode: 0xc1, host: lab.host });
    expect(String(e.message)).toContain('Invalid command');
  });
});
