// -H forms: IPv6, a host name, and a name that does not resolve.
import { describe, expect, it } from 'vitest';
import { connect } from './connect';
import { LAB_USERS, ipmitool } from '../../../e2e/lab/bmc-lab';
import { sharedLabBmc } from '../../../e2e/lab/shared-lab';
import { startImpairmentProxy } from '../../../e2e/lab/impairment-proxy';

const lab = sharedLabBmc();
const admin = { username: LAB_USERS.admin.name, password: LAB_USERS.admin.password, timeoutMs: 500 };
const hex = (b: Buffer) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join(' ');

describe('host address forms', () => {
  it('connects over IPv6 (::1) and reads what ipmitool reads', async () => {
    // ipmi_sim takes one listen address per LAN channel, so a lossless relay on ::1 gives the lab BMC
    // its IPv6 side; every byte still comes from ipmi_sim.
    const relay = await startImpairmentProxy(
      { host: lab.host, port: lab.port },
      { drop: 0, reorder: 0, listen: '::1' },
    );
    try {
      const s = await connect({ ...admin, host: '::1', port: relay.port });
      const ours = hex(await s.request({ netFn: 0x06, cmd: 0x01 }));
      await s.close();
      const ref = await ipmitool(lab, ['raw', '0x06', '0x01']);
      expect(ours).toBe(ref.stdout.replace(/\s+/g, ' ').trim());
      expect(relay.stats.toBmc).toBeGreaterThanOrEqual(5); // the session really went through ::1
    } finally {
      relay.close();
    }
  });

  it('connects by host name', async () => {
    const s = await connect({ ...admin, host: 'localhost', port: lab.port });
    expect((await s.request({ netFn: 0x06, cmd: 0x01 })).length).toBeGreaterThan(10);
    expect(s.host).toBe('localhost');
    await s.close();
  });

  it('a name that does not resolve is an argument error naming the host', async () => {
    await expect(connect({ ...admin, host: 'no-such-bmc.invalid', port: 623 })).rejects.toMatchObject({
      kind: 'argument',
      host: 'no-such-bmc.invalid',
    });
  });
});
