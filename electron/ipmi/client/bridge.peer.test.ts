// Bridging (ipmitool -t/-b) against a real BMC: the shared lab's ipmi_sim has a satellite controller at
// IPMB 0x72 (e2e/lab/lab-satellite.emu). ipmi_sim answers a tracked Send Message with a bare completion
// code and sends the target's response as a separate message, so these tests exercise the session's
// follow-up path; ipmitool 1.8.19 is the reference reader.
import { afterEach, describe, expect, it } from 'vitest';
import { connect, type ConnectOptions, type IpmiSession } from './connect';
import { LAB_USERS, ipmitool } from '../../../e2e/lab/bmc-lab';
import { sharedLabBmc } from '../../../e2e/lab/shared-lab';
import { runBmcdesk } from '../../../e2e/parity/run-bmcdesk';
import { IpmiError } from '../errors';

const lab = sharedLabBmc();
const admin = LAB_USERS.admin;
const sessions: IpmiSession[] = [];
afterEach(async () => {
  await Promise.all(sessions.splice(0).map((s) => s.close()));
});

async function open(extra: Partial<ConnectOptions> = {}): Promise<IpmiSession> {
  const s = await connect({
    host: lab.host,
    port: lab.port,
    username: admin.name,
    password: admin.password,
    privilege: admin.privilege,
    cipherSuite: 3,
    timeoutMs: 500,
    ...extra,
  });
  sessions.push(s);
  return s;
}

const GET_DEVICE_ID = { netFn: 0x06, cmd: 0x01 };
const hexBytes = (b: Buffer) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join(' ');
/** ipmitool prints raw response bytes as " xx xx ..." lines of 16 */
const ipmitoolBytes = (stdout: string) => stdout.replace(/\s+/g, ' ').trim();

describe('bridging to the satellite controller at 0x72', async () => {
  const [viaIpmitool, bmcItself] = await Promise.all([
    ipmitool(lab, ['-t', '0x72', 'raw', '0x06', '0x01']),
    ipmitool(lab, ['raw', '0x06', '0x01']),
  ]);

  it('ipmitool reaches a controller other than the BMC (reference)', () => {
    expect(viaIpmitool.code, viaIpmitool.stderr).toBe(0);
    expect(bmcItself.code, bmcItself.stderr).toBe(0);
    // device ID 0x72, firmware 1.23: not the BMC's device 0x00, firmware 9.08
    expect(ipmitoolBytes(viaIpmitool.stdout)).toMatch(/^72 01 01 23 /);
    expect(ipmitoolBytes(viaIpmitool.stdout)).not.toBe(ipmitoolBytes(bmcItself.stdout));
  });

  for (const iface of ['lanplus', 'lan'] as const) {
    it(`connect({ target }) over ${iface} returns what ipmitool -t reads`, async () => {
      const s = await open({ interface: iface, target: { address: 0x72, channel: 0 } });
      expect(hexBytes(await s.request(GET_DEVICE_ID))).toBe(ipmitoolBytes(viaIpmitool.stdout));
      // every request goes to the target, several in a row on the same session
      expect(hexBytes(await s.request(GET_DEVICE_ID))).toBe(ipmitoolBytes(viaIpmitool.stdout));
    });
  }

  it('a bridged view and the direct session share one session without mixing up answers', async () => {
    const s = await open();
    const sat = s.bridged({ address: 0x72 });
    const [a, b, c, d] = await Promise.all([
      sat.request(GET_DEVICE_ID),
      s.request(GET_DEVICE_ID),
      sat.request(GET_DEVICE_ID),
      s.request(GET_DEVICE_ID),
    ]);
    expect([a, c].map(hexBytes)).toEqual([
      ipmitoolBytes(viaIpmitool.stdout),
      ipmitoolBytes(viaIpmitool.stdout),
    ]);
    expect([b, d].map(hexBytes)).toEqual([ipmitoolBytes(bmcItself.stdout), ipmitoolBytes(bmcItself.stdout)]);
  });

  it('target 0x20 is the BMC itself, not bridged (as ipmitool)', async () => {
    const s = await open({ target: { address: 0x20 } });
    expect(hexBytes(await s.request(GET_DEVICE_ID))).toBe(ipmitoolBytes(bmcItself.stdout));
  });

  it.each([
    [['-t', '0x72', 'raw', '0x06', '0x01']],
    [['-t', '0x72', 'mc', 'info']],
    [['-I', 'lan', '-t', '0x72', 'mc', 'info']],
  ])('bmcdesk %j prints what ipmitool prints', async (args) => {
    const [theirs, ours] = await Promise.all([ipmitool(lab, args), runBmcdesk(lab.port, args)]);
    expect(theirs.code, theirs.stderr).toBe(0);
    expect(theirs.stdout).toContain(
      args.includes('info') ? 'Firmware Revision         : 1.23' : '72 01 01 23',
    );
    expect(ours).toEqual(theirs);
  });
});

describe('bridging errors', () => {
  it('no controller at the target: the Send Message completion code 0x83 is the answer', async () => {
    const s = await open({ target: { address: 0x74 } });
    expect(await s.raw(GET_DEVICE_ID)).toEqual({ completionCode: 0x83, data: Buffer.alloc(0) });
    const err = await s.request(GET_DEVICE_ID).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IpmiError);
    expect((err as IpmiError).kind).toBe('completion-code');
    // the session is still usable afterwards
    expect((await s.bridged({ address: 0x72 }).request(GET_DEVICE_ID))[0]).toBe(0x72);
  });

  it('an odd (invalid) IPMB address is refused before anything is sent', async () => {
    const s = await open();
    expect(() => s.bridged({ address: 0x73 })).toThrow(/invalid IPMB target address 0x73/);
  });

  it.each([
    [['-t', '0x74', 'raw', '0x06', '0x01']],
    [['-t', '0x74', 'mc', 'info']],
    // ipmi_sim bridges to channel 0 only: Send Message to channel 1 is refused with 0xCC
    [['-t', '0x72', '-b', '1', 'raw', '0x06', '0x01']],
  ])('bmcdesk %j fails as ipmitool does', async (args) => {
    const [theirs, ours] = await Promise.all([ipmitool(lab, args), runBmcdesk(lab.port, args)]);
    expect(theirs.code).not.toBe(0);
    expect(theirs.stderr).toMatch(/0x83|0xcc|Invalid data field/i);
    expect(ours).toEqual(theirs);
  });
});
