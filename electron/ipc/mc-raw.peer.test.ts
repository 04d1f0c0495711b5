// mc.info, mc.reset and raw.send through the IPC dispatcher, compared with ipmitool 1.8.19 on the same
// BMC. ipmi_sim answers both resets with 0xC1, so mc.reset runs against pyghmi's chassis BMC
// (e2e/lab/pyghmi-bootdev-bmc.py), which answers a reset and then stays silent for 5 s as a restarting BMC
// does: the call must report waiting and come back only after that, ipmitool reading it again then.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAB_USERS, ipmitool, startLabBmc, type LabBmc } from '../../e2e/lab/bmc-lab';
import { LAB_HOST_ID, callOk, labApp } from '../../e2e/lab/lab-app';
import { startPyghmiChassisBmc, type PyghmiChassisBmc } from '../../e2e/lab/pyghmi-bootdev-bmc';
import type { App } from './app-services';
import type { DeviceInfo } from '../../shared/domain/device';

const DOWN_S = 5;
let bmc: LabBmc;
let app: App;
let pyg: PyghmiChassisBmc;
let pygApp: App;
beforeAll(async () => {
  [bmc, pyg] = await Promise.all([
    startLabBmc({ satellite: false }),
    startPyghmiChassisBmc({ resetDownSeconds: DOWN_S }),
  ]);
  app = await labApp(bmc, LAB_USERS.admin);
  pygApp = await labApp(pyg, LAB_USERS.admin);
}, 60_000);
afterAll(async () => {
  await app?.shutdown();
  await pygApp?.shutdown();
  await Promise.all([bmc?.stop(), pyg?.stop()]);
});

const tool = (args: string[]) => ipmitool(bmc, args);
const field = (text: string, key: string) =>
  new RegExp(`^${key}[ \\t]*:[ \\t]*(.*)$`, 'm').exec(text)?.[1]?.trim();

function expectSameDevice(d: DeviceInfo, text: string) {
  expect(field(text, 'Device ID')).toBe(String(d.deviceId));
  expect(field(text, 'Firmware Revision')).toBe(d.firmwareRevision);
  expect(field(text, 'IPMI Version')).toBe(d.ipmiVersion);
  expect(field(text, 'Manufacturer ID')).toBe(String(d.manufacturerId));
  expect(field(text, 'Manufacturer Name')).toBe(
    d.manufacturerName ?? `Unknown (0x${d.manufacturerId.toString(16).toUpperCase().padStart(2, '0')})`,
  );
  expect(field(text, 'Provides Device SDRs')).toBe(d.providesSdrs ? 'yes' : 'no');
}

describe('mc and raw calls against ipmi_sim', () => {
  it('mc.info agrees with ipmitool mc info', async () => {
    const d = (await callOk(app, 'mc.info', {})) as DeviceInfo;
    const r = await tool(['mc', 'info']);
    expect(r.code, r.stderr).toBe(0);
    expectSameDevice(d, r.stdout);
  });

  it('raw.send Get Device ID answers the bytes ipmitool raw prints; a bad command its completion code', async () => {
    const v = (await callOk(app, 'raw.send', { netFn: 0x06, cmd: 0x01 })) as {
      completionCode: number;
      data: number[];
    };
    expect(v.completionCode).toBe(0);
    const r = await tool(['raw', '0x06', '0x01']);
    expect(
      r.stdout
        .trim()
        .split(/\s+/)
        .map((h) => parseInt(h, 16)),
    ).toEqual(v.data);
    const bad = (await callOk(app, 'raw.send', { netFn: 0x06, cmd: 0x55 })) as {
      completionCode: number;
      data: number[];
    };
    expect(bad).toEqual({ completionCode: 0xc1, data: [] });
    expect((await tool(['raw', '0x06', '0x55'])).stderr).toContain('rsp=0xc1');
  });

  it('mc.reset on ipmi_sim, which lacks it: a completion-code error naming the command', async () => {
    const r = await app.dispatch('mc.reset', {
      hostId: LAB_HOST_ID,
      operationId: 'op-mc-reset-sim',
      kind: 'warm',
    });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'completion-code', completionCode: 0xc1, netFn: 6, cmd: 3 },
    });
  });

  it.each(['warm', 'cold'] as const)(
    'mc.reset %s: progress sent → waiting… → back only after the BMC restarted; the device then agrees with ipmitool',
    async (kind) => {
      const events: { phase: string; elapsedMs: number }[] = [];
      const unsubscribe = pygApp.services.events.subscribe((name, p) => {
        const item = (p as { item?: { phase: string; elapsedMs: number } }).item;
        if (name === 'operation.progress' && item) events.push(item);
      });
      const t0 = performance.now();
      try {
        const r = (await callOk(pygApp, 'mc.reset', {
          operationId: `op-mc-reset-${kind}`,
          kind,
          waitSeconds: 60,
        })) as { kind: string; back: boolean; elapsedMs: number; device?: DeviceInfo };
        expect(r).toMatchObject({ kind, back: true });
        expect(performance.now() - t0).toBeGreaterThanOrEqual(DOWN_S * 1000);
        expect(r.elapsedMs).toBeGreaterThanOrEqual(DOWN_S * 1000);
        const phases = events.map((e) => e.phase);
        expect(phases[0]).toBe('sent');
        expect(phases.at(-1)).toBe('back');
        expect(phases.slice(1, -1).every((p) => p === 'waiting')).toBe(true);
        expect(phases.length).toBeGreaterThanOrEqual(3);
        const info = await ipmitool(pyg, ['mc', 'info']);
        expect(info.code, info.stderr).toBe(0);
        expectSameDevice(r.device!, info.stdout);
        // the pooled session was dropped and a new one serves the next call
        expect(await callOk(pygApp, 'mc.info', {})).toEqual(r.device);
      } finally {
        unsubscribe();
      }
    },
    60_000,
  );

  it('mc.reset cancelled while the BMC is silent: answers cancelled at once, without waiting the restart out', async () => {
    const operationId = 'op-mc-reset-cancel';
    const unsubscribe = pygApp.services.events.subscribe((name, p) => {
      const item = (p as { item?: { phase: string } }).item;
      if (name === 'operation.progress' && item?.phase === 'sent')
        setTimeout(() => void pygApp.dispatch('operations.cancel', { operationId }), 500);
    });
    const t0 = performance.now();
    try {
      const r = await pygApp.dispatch('mc.reset', { hostId: LAB_HOST_ID, operationId, kind: 'warm' });
      expect(r).toMatchObject({ ok: false, error: { code: 'cancelled' } });
      expect(performance.now() - t0).toBeLessThan(DOWN_S * 1000);
    } finally {
      unsubscribe();
    }
    // let the peer finish its restart before the next test
    await new Promise((res) => setTimeout(res, DOWN_S * 1000));
    expect(await callOk(pygApp, 'mc.info', {})).toMatchObject({ deviceId: expect.any(Number) });
  }, 30_000);

  it('mc.reset of an unknown host is refused before anything is sent', async () => {
    const r = await app.dispatch('mc.reset', {
      hostId: 'h0nosuchhost',
      operationId: 'op-mc-reset-none',
      kind: 'cold',
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(LAB_HOST_ID).not.toBe('h0nosuchhost');
  });
});
