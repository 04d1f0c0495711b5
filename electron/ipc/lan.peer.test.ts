// lan.get / lan.plan / lan.apply through the IPC dispatcher against a lab ipmi_sim, every value checked
// against ipmitool's reading of the same BMC and the lab's LAN hook file (what ipmi_sim handed to its
// "NIC" script). The reconnect case reaches the BMC at a second loopback address through a plain UDP
// forwarder, so the app really follows the moved address.
import { createSocket, type Socket } from 'node:dgram';
import { describe, expect, it } from 'vitest';
import { ipmitool, type LabBmc } from '../../e2e/lab/bmc-lab';
import { unwrap as ok, type LabApp } from '../../e2e/lab/lab-app';
import { privateLabApp } from '../../e2e/lab/private-lab-app';
import type { LanConfiguration } from '../../shared/domain/lan';
import type { Plan } from '../../shared/domain/plan';
import { formatLanPrint } from '../cli/format/lan';

let bmc: LabBmc;
let app: LabApp;
const HOST_ID = 'h0lanpeer01';

const lanPrint = async () => {
  const r = await ipmitool(bmc, ['lan', 'print', '1']);
  if (r.code !== 0) throw new Error(r.stderr);
  return r.stdout;
};
const hookValue = (name: string) =>
  bmc
    .readHookFile('lan')
    .split('\n')
    .filter((l) => l.startsWith(name + ':'))
    .pop()
    ?.slice(name.length + 1);

privateLabApp((b, a) => ([bmc, app] = [b, a]), { id: HOST_ID });

describe('lan.get', () => {
  it('prints exactly what ipmitool lan print shows for the same BMC', async () => {
    const v = await ok<LanConfiguration>(app.dispatch('lan.get', { hostId: HOST_ID }));
    expect(v.channel).toBe(1);
    expect(formatLanPrint(v)).toBe(await lanPrint());
    expect(v.ipAddress).toBe(hookValue('ip_addr'));
    expect(v.defaultGatewayMac).toBe(hookValue('default_gw_mac_addr'));
  });
  it('a channel that is not LAN is an argument error', async () => {
    const r = await app.dispatch('lan.get', { hostId: HOST_ID, channel: 3 });
    expect(r).toMatchObject({ ok: false, error: { code: 'argument' } });
  });
});

describe('lan.plan + lan.apply', () => {
  it('a backup gateway change is safe; applied, read back by ipmitool and the hook file', async () => {
    const plan = await ok<Plan>(
      app.dispatch('lan.plan', { hostId: HOST_ID, channel: 1, settings: { backupGateway: '192.0.2.253' } }),
    );
    expect(plan.verdict).toEqual({ level: 'safe', reasons: [] });
    expect(plan.steps).toEqual([
      { field: 'backupGateway', from: '0.0.0.0', to: '192.0.2.253', affectsConnection: false },
    ]);
    const progress: unknown[] = [];
    const off = app.services.events.subscribe((name, e) => name === 'operation.progress' && progress.push(e));
    const res = await ok<{ ok: boolean; applied: string[]; configuration: LanConfiguration }>(
      app.dispatch('lan.apply', { hostId: HOST_ID, planId: plan.planId, operationId: 'op-lanpeer-apply1' }),
    );
    off();
    expect(res).toMatchObject({ ok: true, applied: ['backupGateway'] });
    expect(progress).toEqual([
      {
        operationId: 'op-lanpeer-apply1',
        call: 'lan.apply',
        done: 1,
        total: 1,
        item: { field: 'backupGateway' },
      },
    ]);
    expect(res.configuration.backupGateway).toBe('192.0.2.253');
    expect(hookValue('backup_gw_ip_addr')).toBe('192.0.2.253');
    expect(await lanPrint()).toMatch(/^Backup Gateway IP {7}: 192\.0\.2\.253$/m);
  });

  it('a community string ipmi_sim does not keep: not applied, said so with the field', async () => {
    const plan = await ok<Plan>(
      app.dispatch('lan.plan', { hostId: HOST_ID, settings: { snmpCommunity: 'labpeer' } }),
    );
    const res = await ok<{ ok: boolean; notApplied: string[]; failure?: { field: string; stage: string } }>(
      app.dispatch('lan.apply', { hostId: HOST_ID, planId: plan.planId }),
    );
    expect(res).toMatchObject({
      ok: false,
      notApplied: ['snmpCommunity'],
      failure: { field: 'snmpCommunity', stage: 'verify' },
    });
    expect(await lanPrint()).toMatch(/^SNMP Community String {3}: public$/m);
  });

  it('a gateway change while we are routed is lockout: refused unconfirmed, applied confirmed', async () => {
    // the lab BMC says 192.0.2.10/24 while the app talks from 127.0.0.1: routed through the gateway
    const plan = await ok<Plan>(
      app.dispatch('lan.plan', { hostId: HOST_ID, settings: { defaultGateway: '192.0.2.254' } }),
    );
    expect(plan.verdict).toMatchObject({ level: 'lockout', reasons: [{ code: 'route-changes' }] });
    expect(plan.steps).toEqual([
      { field: 'defaultGateway', from: '192.0.2.1', to: '192.0.2.254', affectsConnection: true },
    ]);
    const refused = await app.dispatch('lan.apply', { hostId: HOST_ID, planId: plan.planId });
    expect(refused).toMatchObject({ ok: false, error: { code: 'lockout', reasons: ['route-changes'] } });
    expect(hookValue('default_gw_ip_addr')).toBe('192.0.2.1');
    const res = await ok<{ ok: boolean }>(
      app.dispatch('lan.apply', { hostId: HOST_ID, planId: plan.planId, confirmLockout: true }),
    );
    expect(res.ok).toBe(true);
    expect(hookValue('default_gw_ip_addr')).toBe('192.0.2.254');
    expect(await lanPrint()).toMatch(/^Default Gateway IP {6}: 192\.0\.2\.254$/m);
  });

  it('a BMC changed by someone else after the plan is stale-plan, nothing written', async () => {
    const plan = await ok<Plan>(
      app.dispatch('lan.plan', { hostId: HOST_ID, settings: { backupGateway: '192.0.2.201' } }),
    );
    expect((await ipmitool(bmc, ['lan', 'set', '1', 'bakgw', 'ipaddr', '192.0.2.202'])).code).toBe(0);
    const r = await app.dispatch('lan.apply', { hostId: HOST_ID, planId: plan.planId });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'stale-plan', reasons: ['lan-backupgateway-changed'] },
    });
    expect(hookValue('backup_gw_ip_addr')).toBe('192.0.2.202');
  });

  it('an address change at an address we do not dial is lockout (address-path-unknown)', async () => {
    const plan = await ok<Plan>(
      app.dispatch('lan.plan', { hostId: HOST_ID, settings: { ipAddress: '192.0.2.77' } }),
    );
    expect(plan.verdict.reasons.map((r) => r.code)).toEqual(['address-path-unknown']);
    expect(plan.verdict.level).toBe('lockout');
  });

  it('moving the address we dial is reconnect: applied, the host follows, the new session reads it', async () => {
    // make the BMC's own address the one the app dials, and give it a second address to move to
    const alias = '127.0.0.3';
    const fwd = await forward(alias, bmc.port, bmc.port);
    try {
      expect((await ipmitool(bmc, ['lan', 'set', '1', 'ipaddr', '127.0.0.1'])).code).toBe(0);
      expect((await ipmitool(bmc, ['lan', 'set', '1', 'netmask', '255.0.0.0'])).code).toBe(0);
      const plan = await ok<Plan>(
        app.dispatch('lan.plan', { hostId: HOST_ID, settings: { ipAddress: alias } }),
      );
      expect(plan.verdict).toMatchObject({ level: 'reconnect', reasons: [{ code: 'address-changes' }] });
      const res = await ok<{ ok: boolean; reconnectAddress?: string; configuration: LanConfiguration }>(
        app.dispatch('lan.apply', { hostId: HOST_ID, planId: plan.planId }),
      );
      expect(res).toMatchObject({ ok: true, reconnectAddress: alias });
      expect(res.configuration.ipAddress).toBe(alias);
      expect(app.services.inventory.require(HOST_ID).address).toBe(alias);
      expect(fwd.datagrams()).toBeGreaterThan(0); // the final read went to the new address
      expect(hookValue('ip_addr')).toBe(alias);
      expect(await lanPrint()).toMatch(/^IP Address {14}: 127\.0\.0\.3$/m);
    } finally {
      await app.services.pool.close(HOST_ID);
      await app.services.inventory.update(HOST_ID, { address: bmc.host });
      fwd.close();
    }
  });
});

/** A UDP forwarder: datagrams to address:port go to 127.0.0.1:target and the answers come back. */
async function forward(
  address: string,
  port: number,
  target: number,
): Promise<{ close(): void; datagrams(): number }> {
  const front = createSocket('udp4');
  const backs = new Map<string, Socket>();
  let count = 0;
  front.on('message', (msg, from) => {
    count++;
    const key = `${from.address}:${from.port}`;
    let back = backs.get(key);
    if (!back) {
      back = createSocket('udp4');
      back.on('message', (m) => front.send(m, from.port, from.address));
      back.bind(0, '127.0.0.1');
      backs.set(key, back);
    }
    back.send(msg, target, '127.0.0.1');
  });
  await new Promise<void>((resolve, reject) => {
    front.once('error', reject);
    front.bind(port, address, () => resolve());
  });
  return {
    close: () => {
      front.close();
      for (const b of backs.values()) b.close();
    },
    datagrams: () => count,
  };
}
