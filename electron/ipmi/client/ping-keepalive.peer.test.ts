// Presence ping and idle keepalive against ipmi_sim.
import { describe, expect, it } from 'vitest';
import { presencePing } from './ping';
import { connect } from './connect';
import { LAB_USERS } from '../../../e2e/lab/bmc-lab';
import { sharedLabBmc } from '../../../e2e/lab/shared-lab';

const lab = sharedLabBmc();

describe('presence ping and keepalive', () => {
  it('the BMC answers an RMCP presence ping as an IPMI-capable ASF agent', async () => {
    const pong = await presencePing(lab.host, { port: lab.port, timeoutMs: 500 });
    expect(pong.iana).toBe(4542);
    expect(pong.ipmiSupported).toBe(true);
  });

  it('an idle session sends keepalives and stays usable', async () => {
    const s = await connect({
      host: lab.host,
      port: lab.port,
      username: LAB_USERS.admin.name,
      password: LAB_USERS.admin.password,
      keepaliveMs: 100,
      timeoutMs: 500,
    });
    const sent = s.stats.sent;
    await new Promise((r) => setTimeout(r, 450));
    expect(s.stats.sent - sent).toBeGreaterThanOrEqual(2); // keepalives went out while idle
    expect(s.stats.logins).toBe(1); // …and were answered: no re-login
    await s.request({ netFn: 0x06, cmd: 0x01 });
    await s.close();
  });
});
