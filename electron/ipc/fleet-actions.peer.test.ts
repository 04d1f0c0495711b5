// fleet.power, fleet.identify and fleet.bootDevice through the IPC dispatcher against real lab BMCs
// (ipmi_sim), with the app's real connect and passwords from its credential store. Every change is read
// back by independent readers: ipmitool (`chassis power status`, `chassis bootparam get 5`) and the lab's
// chassis hook file. One progress item per host; a host whose account is only User, and a host id the
// inventory lacks, fail alone with typed errors; cancel returns promptly with what finished.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ipmitool, startLabBmc, type LabBmc } from '../../e2e/lab/bmc-lab';
import { freeUdpPort } from '../../e2e/lab/free-port';
import type { Host } from '../../shared/domain/host';
import type { CallResult } from '../../shared/contract/index';
import { startPyghmiChassisBmc, type PyghmiChassisBmc } from '../../e2e/lab/pyghmi-bootdev-bmc';
import { labHostsApp, type LabApp } from '../../e2e/lab/lab-app';

const N = 3;
let bmcs: LabBmc[] = [];
/** pyghmi's software BMC keeps every boot flag (ipmi_sim keeps only the device) */
let pyghmi: PyghmiChassisBmc;
let app: LabApp;
let hosts: Host[];
/** host 3: configured at User privilege (below Chassis Control's Operator) and open in the pool, so the
 *  fleet asks through that User session. (A one-shot login asks for the action's privilege; ipmi_sim
 *  grants Operator even to its User-level account, as it does to ipmitool -L OPERATOR.) */
const USER_ONLY = N;

beforeAll(async () => {
  [bmcs, pyghmi] = await Promise.all([
    Promise.all(Array.from({ length: N + 1 }, () => startLabBmc({ satellite: false }))),
    startPyghmiChassisBmc(),
  ]);
  app = await labHostsApp([
    ...bmcs.map((bmc, i) => ({
      bmc,
      id: `h0fleetact${i}`,
      cipherSuite: 'auto' as const,
      privilege: i === USER_ONLY ? ('user' as const) : ('administrator' as const),
    })),
    { bmc: pyghmi, id: 'h0fleetpyg0', cipherSuite: 'auto' },
  ]);
  hosts = app.hosts;
  await app.services.pool.use(hosts[USER_ONLY]!.id, async () => undefined);
}, 60_000);

afterAll(async () => {
  await app?.shutdown();
  await Promise.all([...bmcs.map((b) => b.stop()), pyghmi?.stop()]);
});

type ActionResult = CallResult<'fleet.power'>;
async function run(
  name: 'fleet.power' | 'fleet.identify' | 'fleet.bootDevice',
  args: Record<string, unknown>,
): Promise<{ value: ActionResult; progress: { done: number; total: number; item: unknown }[] }> {
  const progress: { done: number; total: number; item: unknown }[] = [];
  const unsubscribe = app.services.events.subscribe((event, p) => {
    const e = p as { operationId: string; done: number; total: number; item: unknown };
    if (event === 'operation.progress' && e.operationId === args['operationId']) progress.push(e);
  });
  try {
    const r = await app.dispatch(name, args);
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    return { value: r.value as ActionResult, progress };
  } finally {
    unsubscribe();
  }
}

async function ipmitoolPower(b: LabBmc): Promise<string | undefined> {
  const r = await ipmitool(b, ['chassis', 'power', 'status']);
  expect(r.code, r.stderr).toBe(0);
  return /^Chassis Power is (on|off)$/m.exec(r.stdout)?.[1];
}

const byHost = (v: ActionResult) =>
  Object.fromEntries(v.results.map((x) => [x.hostId, x.ok ? 'ok' : x.error?.code]));

describe('fleet actions against lab BMCs', () => {
  it('fleet.power on/off: every admin host switches (ipmitool agrees), the User-only host fails with privilege', async () => {
    expect(await Promise.all(bmcs.map(ipmitoolPower))).toEqual(['off', 'off', 'off', 'off']);
    const on = await run('fleet.power', {
      operationId: 'op-fleetact-on',
      hostIds: [...hosts.slice(0, N + 1).map((h) => h.id), 'h0notthere1'],
      action: 'on',
    });
    expect(on.value.cancelled).toBe(false);
    expect(byHost(on.value)).toEqual({
      h0fleetact0: 'ok',
      h0fleetact1: 'ok',
      h0fleetact2: 'ok',
      h0fleetact3: 'privilege',
      h0notthere1: 'not-found',
    });
    // one progress item per host, counted up to the total, each equal to that host's result
    expect(on.progress.map((p) => p.done)).toEqual([1, 2, 3, 4, 5]);
    expect(on.progress.every((p) => p.total === 5)).toBe(true);
    expect(on.progress.map((p) => p.item)).toEqual(on.value.results);
    expect(await Promise.all(bmcs.map(ipmitoolPower))).toEqual(['on', 'on', 'on', 'off']);
    for (const b of bmcs.slice(0, N)) expect(b.readHookFile('chassis.log')).toContain('set power 1');
    // the refused host really received no power request
    expect(bmcs[USER_ONLY]!.readHookFile('chassis.log')).not.toContain('set power');

    const off = await run('fleet.power', {
      operationId: 'op-fleetact-off',
      hostIds: [hosts[1]!.id],
      action: 'off',
    });
    expect(byHost(off.value)).toEqual({ h0fleetact1: 'ok' });
    expect(await Promise.all(bmcs.map(ipmitoolPower))).toEqual(['on', 'off', 'on', 'off']);
    // one-shot sessions: nothing new stays in the pool (only the User session opened before)
    expect(app.services.pool.size).toBe(1);
  });

  it('fleet.bootDevice pxe (persistent, EFI) and cdrom (next boot): ipmitool reads back what each host got', async () => {
    const pyg = hosts[N + 1]!;
    const pxe = await run('fleet.bootDevice', {
      operationId: 'op-fleetact-boot1',
      hostIds: [hosts[0]!.id, pyg.id],
      device: 'pxe',
      persistent: true,
      efi: true,
    });
    expect(byHost(pxe.value)).toEqual({ h0fleetact0: 'ok', h0fleetpyg0: 'ok' });
    const cd = await run('fleet.bootDevice', {
      operationId: 'op-fleetact-boot2',
      hostIds: [hosts[2]!.id],
      device: 'cdrom',
    });
    expect(byHost(cd.value)).toEqual({ h0fleetact2: 'ok' });
    const read = async (b: { host: string; port: number }) => {
      const r = await ipmitool(b, ['chassis', 'bootparam', 'get', '5']);
      expect(r.code, r.stderr).toBe(0);
      return {
        device: /Boot Device Selector : (.*)/.exec(r.stdout)?.[1],
        persistent: /Options apply to all future boots/.test(r.stdout),
        efi: /BIOS EFI boot/.test(r.stdout),
      };
    };
    expect(await read(pyghmi)).toEqual({ device: 'Force PXE', persistent: true, efi: true });
    // ipmi_sim keeps the device only (its hook file says which), so only that is compared there
    expect((await read(bmcs[0]!)).device).toBe('Force PXE');
    expect(await read(bmcs[2]!)).toEqual({ device: 'Force Boot from CD/DVD', persistent: false, efi: false });
    expect(bmcs[0]!.readHookFile('chassis')).toContain('boot:pxe');
    expect(bmcs[2]!.readHookFile('chassis')).toContain('boot:cdrom');
    expect(bmcs[1]!.readHookFile('chassis')).not.toMatch(/boot:(pxe|cdrom)/);
  });

  it('fleet.identify: interval, force and default reach the chassis hook of every host', async () => {
    const cases: [unknown, string][] = [
      [30, 'identify:30 0'],
      ['force', 'identify:0 1'],
      [undefined, 'identify:15 0'], // no data: ipmi_sim's default interval
    ];
    for (const [i, [interval, hook]] of cases.entries()) {
      const r = await run('fleet.identify', {
        operationId: `op-fleetact-ident${i}`,
        hostIds: hosts.slice(0, N).map((h) => h.id),
        ...(interval === undefined ? {} : { interval }),
      });
      expect(byHost(r.value)).toEqual({ h0fleetact0: 'ok', h0fleetact1: 'ok', h0fleetact2: 'ok' });
      for (const b of bmcs.slice(0, N)) expect(b.readHookFile('chassis'), String(interval)).toContain(hook);
    }
  });

  it('cancel: a fleet.power run stuck on a silent host returns promptly, cancelled, with the hosts that finished', async () => {
    const add = await app.dispatch('hosts.add', {
      host: { name: 'silent', address: '127.0.0.1', port: await freeUdpPort(), username: 'admin' },
      password: 'whatever',
    });
    if (!add.ok) throw new Error(JSON.stringify(add.error));
    const added = add.value as { id: string };
    const t0 = performance.now();
    const running = run('fleet.power', {
      operationId: 'op-fleetact-cancel',
      hostIds: [hosts[0]!.id, added.id],
      action: 'on',
    });
    // host 0 answers in milliseconds; the silent host would take 4 tries of 500 ms
    await new Promise((r) => setTimeout(r, 400));
    expect(await app.dispatch('operations.cancel', { operationId: 'op-fleetact-cancel' })).toEqual({
      ok: true,
      value: { cancelled: true },
    });
    const r = await running;
    expect(performance.now() - t0).toBeLessThan(1500);
    expect(r.value.cancelled).toBe(true);
    expect(byHost(r.value)).toEqual({ h0fleetact0: 'ok' });
  });
});
