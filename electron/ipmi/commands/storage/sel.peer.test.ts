// SEL writes through our stack, each verified by an independent reader (ipmitool 1.8.19) on a private
// lab BMC (these tests erase and reset its SEL, so they never touch the shared one).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ipmitool, LAB_USERS, SEL_SEED, startLabBmc, type LabBmc } from '../../../../e2e/lab/bmc-lab';
import { connect, type IpmiSession } from '../../client/connect';
import { clearSel, deleteSelEntry, getSelTime, readSel, setSelTime } from './sel';
import { runBmcdesk } from '../../../../e2e/parity/run-bmcdesk';

let bmc: LabBmc;
let session: IpmiSession;

beforeAll(async () => {
  bmc = await startLabBmc();
  session = await connect({
    host: '127.0.0.1',
    port: bmc.port,
    username: LAB_USERS.admin.name,
    password: LAB_USERS.admin.password,
    cipherSuite: 3,
  });
});
afterAll(async () => {
  await session?.close();
  await bmc?.stop();
});

const entries = async () => {
  const r = await ipmitool(bmc, ['sel', 'info'], { env: { TZ: 'UTC' } });
  return Number(/Entries\s+: (\d+)/.exec(r.stdout)?.[1]);
};

describe('SEL writes, read back with ipmitool', () => {
  it('reads the seeded SEL', async () => {
    const all = await readSel(session);
    expect(all.map((e) => Buffer.from(e.bytes).toString('hex'))).toEqual(
      SEL_SEED.map((b) => Buffer.from(b).toString('hex')),
    );
  });

  it('deletes one entry', async () => {
    expect(await entries()).toBe(SEL_SEED.length);
    expect(await deleteSelEntry(session, 3)).toBe(3);
    const list = await ipmitool(bmc, ['sel', 'list'], { env: { TZ: 'UTC' } });
    expect(list.stdout).not.toMatch(/^ {3}3 \|/m);
    expect(list.stdout).toMatch(/^ {3}4 \|/m);
    expect(await entries()).toBe(SEL_SEED.length - 1);
  });

  it('sets the SEL time', async () => {
    await setSelTime(session, 0x5f5e1000);
    const r = await ipmitool(bmc, ['sel', 'time', 'get'], { env: { TZ: 'UTC' } });
    // a second may pass between the set and the read
    expect(r.stdout).toMatch(/^09\/13\/20 12:26:4[01] UTC\n$/);
    expect(await getSelTime(session)).toBeGreaterThanOrEqual(0x5f5e1000);
  });

  it('`sel time set` through the CLI prints what ipmitool prints', async () => {
    const { stdout: out, code } = await runBmcdesk(bmc.port, ['sel', 'time', 'set', '12/01/21 10:00:00'], {
      env: { TZ: 'UTC' },
    });
    expect(code).toBe(0);
    expect(out).toMatch(/^12\/01\/21 10:00:0[01] UTC\n$/);
    const theirs = await ipmitool(bmc, ['sel', 'time', 'get'], { env: { TZ: 'UTC' } });
    expect(theirs.stdout).toMatch(/^12\/01\/21 10:00:0\d UTC\n$/);
  });

  it('clears the SEL (ipmi_sim adds no "log cleared" record)', async () => {
    await clearSel(session);
    expect(await entries()).toBe(0);
    const list = await ipmitool(bmc, ['sel', 'list']);
    expect(list.stderr).toContain('SEL has no entries');
    expect(await readSel(session)).toEqual([]);
  });
});
