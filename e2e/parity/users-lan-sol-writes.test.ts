// Writes done with our stack (CLI in-process, and the LAN apply operation over connect()), checked by
// an independent reader: ipmitool 1.8.19 reads the same private lab BMC before and after, and the diff
// of its output must be exactly the lines we meant to change. A fresh BMC per file, so the shared one
// is never touched; user 7 is an unused slot of the lab's user table.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type IpmiSession } from '../../electron/ipmi/client/connect';
import { applyLanSettings } from '../../electron/ipmi/commands/transport/lan-apply';
import { setUserAccess } from '../../electron/ipmi/commands/app/set-user-access';
import { ipmitool, LAB_USERS, startLabBmc, type LabBmc, type LabUser } from '../lab/bmc-lab';
import { runBmcdesk } from './run-bmcdesk';

let bmc: LabBmc;
beforeAll(async () => {
  bmc = await startLabBmc();
});
afterAll(async () => {
  await bmc?.stop();
});

async function read(args: string[], user?: LabUser): Promise<string[]> {
  const r = await ipmitool(bmc, args, user ? { user } : {});
  expect(r.code, r.stderr).toBe(0);
  return r.stdout.split('\n');
}

/** Lines that differ, as [before, after]; both outputs must have the same number of lines. */
function changed(before: string[], after: string[]): [string, string][] {
  expect(after).toHaveLength(before.length);
  return before.flatMap((b, i) => (b === after[i] ? [] : [[b, after[i]!] as [string, string]]));
}

async function ours(args: string[], env: Record<string, string> = {}) {
  const r = await runBmcdesk(bmc.port, args, { env });
  expect(r.code, r.stderr).toBe(0);
  return r;
}

describe('user writes, read back with ipmitool', () => {
  // 16 bytes: ipmi_sim stores only the first 16 bytes of any password (OpenIPMI bmc_app.c
  // handle_set_user_password), so a longer one could not log in there whatever the client sends
  const NEW_PASSWORD = 'Fresh-Pass-16byt';

  it('user set name 7 newbie changes only row 7 of user list', async () => {
    const before = await read(['user', 'list', '1']);
    await ours(['user', 'set', 'name', '7', 'newbie']);
    expect(changed(before, await read(['user', 'list', '1']))).toEqual([
      [
        '7                    true    false      false      Unknown (0x00)',
        '7   newbie           true    false      false      Unknown (0x00)',
      ],
    ]);
  });

  it('user priv 7 4 1 changes only the privilege of row 7', async () => {
    const before = await read(['user', 'list', '1']);
    const r = await ours(['user', 'priv', '7', '4', '1']);
    expect(r.stdout).toBe('Set Privilege Level command successful (user 7)\n');
    expect(changed(before, await read(['user', 'list', '1']))).toEqual([
      [
        '7   newbie           true    false      false      Unknown (0x00)',
        '7   newbie           true    false      false      ADMINISTRATOR',
      ],
    ]);
  });

  it('user enable 7 / disable 7 move only the enabled count', async () => {
    const before = await read(['user', 'summary', '1']);
    await ours(['user', 'enable', '7']);
    const enabled = await read(['user', 'summary', '1']);
    expect(changed(before, enabled)).toEqual([['Enabled User Count  : 4', 'Enabled User Count  : 5']]);
    await ours(['user', 'disable', '7']);
    expect(await read(['user', 'summary', '1'])).toEqual(before);
  });

  it('user set password 7 (from IPMI_NEW_PASSWORD): ipmitool logs in with it, not with a wrong one', async () => {
    await ours(['channel', 'setaccess', '1', '7', 'ipmi=on', 'privilege=4']);
    await ours(['user', 'enable', '7']);
    // ipmi_sim keeps a per-user session limit, 0 for the lab's unused slots; the CLI (like ipmitool)
    // has no way to set it, the wire command has
    const s = await connect({
      host: '127.0.0.1',
      port: bmc.port,
      username: LAB_USERS.admin.name,
      password: LAB_USERS.admin.password,
      cipherSuite: 3,
    });
    try {
      await setUserAccess(s, { channel: 1, userId: 7, privilegeLimit: 4, sessionLimit: 4 });
    } finally {
      await s.close();
    }
    const r = await ours(['user', 'set', 'password', '7'], { IPMI_NEW_PASSWORD: NEW_PASSWORD });
    expect(r.stdout).toBe('Set User Password command successful (user 7)\n');
    expect(r.stderr).toBe('');
    const newbie: LabUser = {
      id: 7,
      name: 'newbie',
      password: NEW_PASSWORD,
      privilege: 'administrator',
      enabled: true,
    };
    const viaNewbie = await ipmitool(bmc, ['user', 'summary', '1'], { user: newbie });
    expect(viaNewbie.code, viaNewbie.stderr).toBe(0);
    expect(viaNewbie.stdout).toContain('Enabled User Count  : 5');
    const wrong = await ipmitool(bmc, ['user', 'summary', '1'], {
      user: { ...newbie, password: 'not-the-password' },
      timeoutMs: 20_000,
    });
    expect(wrong.code).not.toBe(0);
    // and our own test-password operation agrees, through ipmitool's `user test` text
    const t = await runBmcdesk(bmc.port, ['user', 'test', '7', '20'], {
      env: { IPMI_NEW_PASSWORD: NEW_PASSWORD },
    });
    expect([t.code, t.stdout]).toEqual([0, 'Success\n']);
  });
});

describe('LAN writes, read back with ipmitool and the lab hook', () => {
  it('lan set ipsrc / ipaddr / netmask / defgw each change exactly their line', async () => {
    const steps: [string[], string, string][] = [
      [
        ['ipsrc', 'dhcp'],
        'IP Address Source       : Static Address',
        'IP Address Source       : DHCP Address',
      ],
      [
        ['ipsrc', 'static'],
        'IP Address Source       : DHCP Address',
        'IP Address Source       : Static Address',
      ],
      [
        ['ipaddr', '192.0.2.77'],
        'IP Address              : 192.0.2.10',
        'IP Address              : 192.0.2.77',
      ],
      [
        ['netmask', '255.255.0.0'],
        'Subnet Mask             : 255.255.255.0',
        'Subnet Mask             : 255.255.0.0',
      ],
      [
        ['defgw', 'ipaddr', '192.0.2.254'],
        'Default Gateway IP      : 192.0.2.1',
        'Default Gateway IP      : 192.0.2.254',
      ],
    ];
    for (const [args, was, now] of steps) {
      const before = await read(['lan', 'print', '1']);
      await ours(['lan', 'set', '1', ...args]);
      expect(changed(before, await read(['lan', 'print', '1'])), args.join(' ')).toEqual([[was, now]]);
    }
    // the hook (the "NIC") got the committed values
    expect(bmc.readHookFile('lan')).toMatch(/^ip_addr:192\.0\.2\.77$/m);
    expect(bmc.readHookFile('lan')).toMatch(/^subnet_mask:255\.255\.0\.0$/m);
    expect(bmc.readHookFile('lan')).toMatch(/^default_gw_ip_addr:192\.0\.2\.254$/m);
  });

  describe('the LAN apply operation', () => {
    let s: IpmiSession;
    beforeAll(async () => {
      s = await connect({
        host: '127.0.0.1',
        port: bmc.port,
        username: LAB_USERS.admin.name,
        password: LAB_USERS.admin.password,
        cipherSuite: 3,
      });
    });
    afterAll(async () => {
      await s?.close();
    });

    it('applies address, mask, gateway and VLAN as one operation', async () => {
      const before = await read(['lan', 'print', '1']);
      const res = await applyLanSettings(s, 1, {
        ipAddress: '192.0.2.50',
        subnetMask: '255.255.255.0',
        defaultGateway: '192.0.2.1',
        vlanId: 12,
      });
      expect(res).toMatchObject({
        ok: true,
        applied: ['ipAddress', 'subnetMask', 'defaultGateway', 'vlanId'],
        notApplied: [],
        usedCommit: true,
        warnings: [],
      });
      expect(changed(before, await read(['lan', 'print', '1']))).toEqual([
        ['IP Address              : 192.0.2.77', 'IP Address              : 192.0.2.50'],
        ['Subnet Mask             : 255.255.0.0', 'Subnet Mask             : 255.255.255.0'],
        ['Default Gateway IP      : 192.0.2.254', 'Default Gateway IP      : 192.0.2.1'],
        ['802.1q VLAN ID          : Disabled', '802.1q VLAN ID          : 12'],
      ]);
    });

    it('switches a DHCP source to static before the address', async () => {
      await ours(['lan', 'set', '1', 'ipsrc', 'dhcp']);
      const res = await applyLanSettings(s, 1, { ipAddress: '192.0.2.51' });
      expect(res).toMatchObject({ ok: true, applied: ['ipSource', 'ipAddress'] });
      const lines = await read(['lan', 'print', '1']);
      expect(lines).toContain('IP Address Source       : Static Address');
      expect(lines).toContain('IP Address              : 192.0.2.51');
    });

    it('stops at a field the BMC does not keep and names applied and not-applied fields', async () => {
      // ipmi_sim accepts a community string write but ignores it (OpenIPMI lanserv set_lan_config_parms)
      const before = await read(['lan', 'print', '1']);
      const res = await applyLanSettings(s, 1, {
        ipAddress: '192.0.2.60',
        defaultGateway: '198.51.100.1',
        snmpCommunity: 'private',
        vlanId: 99,
      });
      expect(res.ok).toBe(false);
      expect(res.applied).toEqual(['ipAddress', 'defaultGateway']);
      expect(res.notApplied).toEqual(['snmpCommunity', 'vlanId']);
      expect(res.failure).toMatchObject({
        field: 'snmpCommunity',
        stage: 'verify',
        error: { kind: 'protocol' },
      });
      // what the report says is what ipmitool sees: the two applied fields moved, the VLAN did not
      expect(changed(before, await read(['lan', 'print', '1']))).toEqual([
        ['IP Address              : 192.0.2.51', 'IP Address              : 192.0.2.60'],
        ['Default Gateway IP      : 192.0.2.1', 'Default Gateway IP      : 198.51.100.1'],
      ]);
      // and the lock was released: the next writer is not blocked
      expect(await read(['lan', 'print', '1'])).toContain('Set in Progress         : Set Complete');
    });

    it('bad input is refused before anything reaches the BMC', async () => {
      const before = await read(['lan', 'print', '1']);
      const sent = s.stats.sent;
      await expect(
        applyLanSettings(s, 1, { ipAddress: '192.0.2.61', subnetMask: '255.255.0.255' }),
      ).rejects.toMatchObject({ kind: 'argument' });
      expect(s.stats.sent).toBe(sent);
      expect(await read(['lan', 'print', '1'])).toEqual(before);
    });
  });
});

describe('SOL writes, read back with ipmitool', () => {
  it.each([
    [
      ['enabled', 'false'],
      'Enabled                         : true',
      'Enabled                         : false',
    ],
    [
      ['volatile-bit-rate', '19.2'],
      'Volatile Bit Rate (kbps)        : IPMI-Over-Serial-Setting',
      'Volatile Bit Rate (kbps)        : 19.2',
    ],
    [
      ['non-volatile-bit-rate', '115.2'],
      'Non-Volatile Bit Rate (kbps)    : IPMI-Over-Serial-Setting',
      'Non-Volatile Bit Rate (kbps)    : 115.2',
    ],
    [
      ['enabled', 'true'],
      'Enabled                         : false',
      'Enabled                         : true',
    ],
  ])('sol set %j 1 changes only its line', async (args, was, now) => {
    const before = await read(['sol', 'info', '1']);
    await ours(['sol', 'set', ...args, '1']);
    expect(changed(before, await read(['sol', 'info', '1']))).toEqual([[was, now]]);
  });

  it("a parameter ipmi_sim lacks fails with ipmitool's message and leaves SOL unlocked", async () => {
    const before = await read(['sol', 'info', '1']);
    const r = await runBmcdesk(bmc.port, ['sol', 'set', 'retry-count', '3', '1']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("Error setting SOL parameter 'retry-count': Parameter not supported");
    expect(await read(['sol', 'info', '1'])).toEqual(before);
  });
});
