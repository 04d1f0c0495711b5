// pyghmi's server routes datagrams to a session by the client's address and port when it reads them,
// several per wake-up. A Close Session followed at once by an Open Session from the same UDP port (a
// client that keeps one socket, as BMC Desk does, closing without waiting) used to queue the Open
// Session on the closing session; once pyghmi_close_fix.py had freed that session, pyghmi handed the
// queued packet to ServerSession.sessionless_data, which does not exist: the AttributeError ended the
// BMC process and every later command timed out (the intermittent chassis-pyghmi.test.ts failure).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '../../electron/ipmi/client/connect';
import { startPyghmiChassisBmc, type PyghmiChassisBmc } from './pyghmi-bootdev-bmc';
import { LAB_USERS } from './lab-users';

let bmc: PyghmiChassisBmc;
beforeAll(async () => {
  bmc = await startPyghmiChassisBmc();
});
afterAll(async () => {
  await bmc?.stop();
});

const options = () => ({
  host: bmc.host,
  port: bmc.port,
  username: LAB_USERS.admin.name,
  password: LAB_USERS.admin.password,
  cipherSuite: 3,
  timeoutMs: 500,
  retries: 1,
});

describe('pyghmi test BMC: Close Session then Open Session from the same port', () => {
  it('answers a new session opened right after an unawaited Close Session, 20 times', async () => {
    for (let i = 0; i < 20; i++) {
      const s = await connect(options()).catch((e: unknown) => {
        throw new Error(`session ${i + 1}: ${String(e)}; ${bmc.died() ?? 'the BMC still runs'}`);
      });
      expect((await s.request({ netFn: 0x06, cmd: 0x01 })).length).toBeGreaterThan(10);
      // Close Session and the next Open Session leave within microseconds: pyghmi reads both at once.
      await s.close({ wait: false });
    }
    const last = await connect(options());
    expect((await last.request({ netFn: 0x00, cmd: 0x01 })).length).toBe(3);
    await last.close();
    expect(bmc.died()).toBeUndefined();
  });

  it('a session never closed does not stop the next one from the same port', async () => {
    const abandoned = await connect({ ...options(), keepaliveMs: 0 });
    expect((await abandoned.request({ netFn: 0x06, cmd: 0x01 })).length).toBeGreaterThan(10);
    // No Close Session: the client crashed, or the Close was lost. The BMC must treat the next Open
    // Session as a new session (pyghmi restarted the old one in place and dropped its requests).
    const next = await connect(options());
    expect((await next.request({ netFn: 0x00, cmd: 0x01 })).length).toBe(3);
    expect((await next.request({ netFn: 0x06, cmd: 0x01 })).length).toBeGreaterThan(10);
    await next.close();
    await abandoned.close({ wait: false });
    expect(bmc.died()).toBeUndefined();
  });
});
