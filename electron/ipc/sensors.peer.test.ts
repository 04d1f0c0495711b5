// sensors.list, sensors.setThreshold and fru.read through the IPC dispatcher against a private lab BMC
// (ipmi_sim), with the app's real connect and the password from its credential store. Values are
// compared with ipmitool's reading of the same BMC (`-c sensor list`, `-c sdr elist`, `sensor get`,
// `fru print`); writes are read back by ipmitool. Requests are counted on the pooled session, so the
// warm list is shown to cost one SDR request.
import { describe, expect, it } from 'vitest';
import { ipmitool, type LabBmc } from '../../e2e/lab/bmc-lab';
import { callErr, callOk, recordProgress, type ProgressEvent } from '../../e2e/lab/lab-app';
import { privateLabApp } from '../../e2e/lab/private-lab-app';
import type { SensorView } from '../../shared/domain/sensor';
import type { FruDevice } from '../../shared/domain/fru';
import type { App } from './app-services';

let bmc: LabBmc;
let app: App;
/** "netFn/cmd" of every request sent on the app's sessions */
const sent: string[] = [];
const progress: ProgressEvent[] = [];
const HOST_ID = 'h0sensorpeer';
const logLines: string[] = [];

privateLabApp(
  (b, a) => {
    [bmc, app] = [b, a];
    recordProgress(app, progress);
  },
  {
    id: HOST_ID,
    cipherSuite: 'auto',
    timeoutMs: null,
    log: (l) => logLines.push(l),
    onSession: (s) => {
      // request() goes through raw(): counting raw counts every request once
      const raw = s.raw.bind(s);
      s.raw = (req, opts) => (sent.push(`${req.netFn}/${req.cmd}`), raw(req, opts));
    },
  },
);

/** a failure also shows the app's log (what the pool and its sessions did) */
const call = <T>(name: string, args: Record<string, unknown>) =>
  callOk<T>(app, name, args).catch((e: Error) =>
    Promise.reject(new Error(`${e.message} ${logLines.join('; ')}`)),
  );
const fail = (name: string, args: Record<string, unknown>) => callErr(app, name, args);

interface ListResult {
  sensors: SensorView[];
  sdrSource: 'cache' | 'bmc';
  sdrRecords: number;
}

/** `-c` lines by their first field (sensor names hold no commas on the lab). */
function csvByName(text: string): Map<string, string[]> {
  return new Map(
    text
      .trim()
      .split('\n')
      .map((l) => l.split(','))
      .map((f) => [f[0]!, f.slice(1)]),
  );
}

const num = (s: string) => Number(s);

/** One sensor against ipmitool's `-c sensor list` fields: value, units, status, lnr..unr. */
function agreesWithSensorList(v: SensorView, f: string[]): void {
  const [value, units, status, ...thresholds] = f;
  const label = v.name;
  if (!v.thresholdBased) {
    // discrete: Get Sensor Reading byte 1, "discrete", the two state bytes
    if (!v.available) expect([value, status], label).toEqual(['na', 'na']);
    else {
      expect(num(value!), label).toBe(v.reading!.raw);
      expect(status, label).toBe(
        `0x${v.reading!.state1.toString(16).padStart(2, '0')}${v.reading!.state2.toString(16).padStart(2, '0')}`,
      );
    }
    expect(units, label).toBe('discrete');
    return;
  }
  if (!v.available) expect(status, label).toBe('na');
  else {
    expect(status, label).toBe(v.status);
    expect(v.value, label).toBeDefined();
    expect(v.value!, label).toBeCloseTo(num(value!), 3);
    expect(units, label).toBe(v.units);
  }
  expect(thresholds, label).toHaveLength(6);
  v.thresholds.forEach((t, i) => {
    const theirs = thresholds[i]!;
    if (theirs === 'na') expect(t.readable, `${label} ${t.name}`).toBe(false);
    else {
      expect(t.readable, `${label} ${t.name}`).toBe(true);
      expect(t.value!, `${label} ${t.name}`).toBeCloseTo(num(theirs), 3);
    }
  });
}

describe('sensors.list against ipmi_sim, compared with ipmitool', () => {
  it('cold: reads the SDR with progress, and every sensor agrees with ipmitool', async () => {
    progress.length = 0;
    const r = await call<ListResult>('sensors.list', { hostId: HOST_ID, operationId: 'op-sensors-cold1' });
    expect(r.sdrSource).toBe('bmc');
    const [list, elist] = await Promise.all([
      ipmitool(bmc, ['-c', 'sensor', 'list']),
      ipmitool(bmc, ['-c', 'sdr', 'elist', 'all']),
    ]);
    expect(list.code).toBe(0);
    const theirs = csvByName(list.stdout);
    // ipmitool's sensor list holds every full and compact sensor, in SDR order, as ours does
    expect(r.sensors.map((s) => s.name)).toEqual([...theirs.keys()]);
    for (const v of r.sensors) agreesWithSensorList(v, theirs.get(v.name)!);

    // entity and discrete states in words agree with sdr elist (discrete: name,NNh,status,e.i,text)
    const ext = csvByName(elist.stdout);
    let discreteWithStates = 0;
    for (const v of r.sensors) {
      const f = ext.get(v.name)!;
      if (v.thresholdBased) continue;
      expect(num(`0x${f[0]!.slice(0, -1)}`), v.name).toBe(v.number);
      expect(f[2], v.name).toBe(`${v.entity.id}.${v.entity.instance}`);
      if (v.available) {
        expect(f.slice(3).join(','), v.name).toBe(v.states.join(', '));
        if (v.states.length) discreteWithStates++;
      }
    }
    expect(discreteWithStates).toBeGreaterThan(0);
    // the lab has crossed, unreadable and settable sensors: the comparison covered them
    expect(r.sensors.some((s) => !s.available)).toBe(true);
    expect(r.sensors.some((s) => s.thresholds.some((t) => t.settable))).toBe(true);

    const mine = progress.filter((p) => p.operationId === 'op-sensors-cold1');
    const sdr = mine.filter((p) => (p.item as { phase: string }).phase === 'sdr');
    const readings = mine.filter((p) => (p.item as { phase: string }).phase === 'readings');
    expect(sdr.length).toBeGreaterThan(0);
    expect(sdr.at(-1)!.done).toBe(sdr.at(-1)!.total);
    expect(readings.map((p) => p.done)).toEqual(r.sensors.map((_, i) => i + 1));
    expect(readings.at(-1)!.total).toBe(r.sensors.length);
  });

  it('warm: one SDR request (Get SDR Repository Info), the same sensors; refresh reads the SDR again', async () => {
    const cold = await call<ListResult>('sensors.list', { hostId: HOST_ID, operationId: 'op-sensors-warm0' });
    sent.length = 0;
    const warm = await call<ListResult>('sensors.list', { hostId: HOST_ID, operationId: 'op-sensors-warm1' });
    expect(warm.sdrSource).toBe('cache');
    expect(sent.filter((x) => x.startsWith('10/'))).toEqual(['10/32']); // Storage 0x0A / 0x20
    expect(warm.sensors.map((s) => [s.recordId, s.name])).toEqual(
      cold.sensors.map((s) => [s.recordId, s.name]),
    );
    const refreshed = await call<ListResult>('sensors.list', {
      hostId: HOST_ID,
      operationId: 'op-sensors-warm2',
      refresh: true,
    });
    expect(refreshed.sdrSource).toBe('bmc');
  });

  it('without thresholds: no Get Sensor Thresholds is sent and no threshold reads as readable', async () => {
    sent.length = 0;
    const r = await call<ListResult>('sensors.list', {
      hostId: HOST_ID,
      operationId: 'op-sensors-nothr',
      thresholds: false,
    });
    expect(sent).not.toContain('4/39'); // Sensor/Event 0x04 / 0x27
    expect(r.sensors.flatMap((s) => s.thresholds).some((t) => t.readable)).toBe(false);
  });

  it('is cancelled during a cold SDR walk', async () => {
    const id = 'op-sensors-cancel';
    const stop = app.services.events.subscribe((name, payload) => {
      const p = payload as (typeof progress)[number];
      if (name === 'operation.progress' && p.operationId === id) app.services.operations.cancel(id);
    });
    try {
      const e = await fail('sensors.list', { hostId: HOST_ID, operationId: id, refresh: true });
      expect(e.code).toBe('cancelled');
    } finally {
      stop();
    }
    // the session survives a cancel, and the cancelled refresh left the (still current) disk entry
    const after = await call<ListResult>('sensors.list', {
      hostId: HOST_ID,
      operationId: 'op-sensors-after',
    });
    expect(after.sdrSource).toBe('cache');
    expect(after.sensors.length).toBeGreaterThan(0);
  });
});

describe('sensors.setThreshold against ipmi_sim, read back by ipmitool', () => {
  const recordOf = async (name: string) => {
    const r = await call<ListResult>('sensors.list', { hostId: HOST_ID, operationId: 'op-sensors-find1' });
    return r.sensors.find((s) => s.name === name)!;
  };

  it('sets ucr and unc in units; the returned view and ipmitool read the new values', async () => {
    const cpu = await recordOf('CPU Temp');
    const v = await call<SensorView>('sensors.setThreshold', {
      hostId: HOST_ID,
      recordId: cpu.recordId,
      values: [
        { threshold: 'ucr', value: 91 },
        { threshold: 'unc', value: 76 },
      ],
    });
    expect(v.thresholds.find((t) => t.name === 'ucr')!.value).toBe(91);
    expect(v.thresholds.find((t) => t.name === 'unc')!.value).toBe(76);
    const back = await ipmitool(bmc, ['sensor', 'get', 'CPU Temp']);
    expect(back.stdout).toContain(' Upper Non-Critical    : 76.000\n Upper Critical        : 91.000\n');
  });

  it('refuses thresholds the SDR does not let be set, naming the field, before sending anything', async () => {
    const fan = await recordOf('FAN1');
    const p5v = await recordOf('P5V');
    sent.length = 0;
    for (const s of [fan, p5v]) {
      const e = await fail('sensors.setThreshold', {
        hostId: HOST_ID,
        recordId: s.recordId,
        values: [{ threshold: 'ucr', value: 1 }],
      });
      expect(e.code, s.name).toBe('argument');
      expect(e.message, s.name).toMatch(/^(recordId|values\.0\.threshold): .*not settable/);
    }
    const cpu = await recordOf('CPU Temp');
    sent.length = 0;
    const e = await fail('sensors.setThreshold', {
      hostId: HOST_ID,
      recordId: cpu.recordId,
      values: [{ threshold: 'ucr', value: 1e9 }],
    });
    expect(e.code).toBe('argument');
    expect(e.message).toMatch(/^values\.0\.value: /);
    // out of order: ucr below the unc of 76 set above; lnc above unc within one call
    for (const values of [
      [{ threshold: 'ucr', value: 70 }],
      [
        { threshold: 'lnc', value: 50 },
        { threshold: 'unc', value: 40 },
      ],
    ]) {
      const o = await fail('sensors.setThreshold', { hostId: HOST_ID, recordId: cpu.recordId, values });
      expect(o.code).toBe('argument');
      expect(o.message).toMatch(/^values\.[01]\.value: .* must lie (above|below)/);
    }
    expect(sent.filter((x) => x === '4/38')).toEqual([]); // no Set Sensor Thresholds went out
    expect((await ipmitool(bmc, ['sensor', 'get', 'CPU Temp'])).stdout).toContain(
      ' Upper Non-Critical    : 76.000\n Upper Critical        : 91.000\n',
    );
    expect(
      (
        await fail('sensors.setThreshold', {
          hostId: HOST_ID,
          recordId: 0xfffe,
          values: [{ threshold: 'ucr', value: 1 }],
        })
      ).message,
    ).toMatch(/^recordId: /);
  });
});

describe('fru.read against ipmi_sim, compared with ipmitool fru print', () => {
  /** " Board Mfg             : ACME" lines of one device block → label → text */
  function fields(block: string): Map<string, string> {
    return new Map(
      block
        .split('\n')
        .map((l) => /^ (\S.*?)\s*: (.*)$/.exec(l))
        .filter((m): m is RegExpExecArray => m !== null)
        .map((m) => [m[1]!, m[2]!]),
    );
  }

  it('lists the devices ipmitool prints, with the fields it shows, and streams one progress item each', async () => {
    progress.length = 0;
    const r = await call<{ devices: FruDevice[] }>('fru.read', {
      hostId: HOST_ID,
      operationId: 'op-fru-all01',
    });
    const theirs = await ipmitool(bmc, ['fru', 'print'], { env: { TZ: 'UTC' } });
    const blocks = theirs.stdout.split(/^FRU Device Description : /m).filter((b) => b.length > 0);
    expect(r.devices.map((d) => `${d.name} (ID ${d.deviceId})`)).toEqual(blocks.map((b) => b.split('\n')[0]));
    expect(progress.filter((p) => p.operationId === 'op-fru-all01').map((p) => p.done)).toEqual(
      r.devices.map((_, i) => i + 1),
    );
    const builtin = r.devices[0]!.fru!;
    const f = fields(blocks[0]!);
    const text = (area: 'chassis' | 'board' | 'product', key: string) =>
      builtin[area]?.fields.find((x) => x.key === key)?.text;
    expect(f.get('Board Mfg')).toBe(text('board', 'manufacturer'));
    expect(f.get('Board Product')).toBe(text('board', 'productName'));
    expect(f.get('Board Serial')).toBe(text('board', 'serialNumber'));
    expect(f.get('Product Name')).toBe(text('product', 'name'));
    expect(f.get('Product Serial')).toBe(text('product', 'serialNumber'));
    if (builtin.chassis) expect(f.get('Chassis Type')).toBe(builtin.chassis.chassisType?.name);
    expect(builtin.problems).toEqual([]);
  });

  it('reads one device by id; an absent one comes back as an error with its completion code', async () => {
    const one = await call<{ devices: FruDevice[] }>('fru.read', {
      hostId: HOST_ID,
      operationId: 'op-fru-one001',
      deviceId: 0,
    });
    expect(one.devices).toHaveLength(1);
    expect(one.devices[0]!.fru?.board).toBeDefined();
    const absent = await call<{ devices: FruDevice[] }>('fru.read', {
      hostId: HOST_ID,
      operationId: 'op-fru-absent',
      deviceId: 7,
    });
    const theirs = await ipmitool(bmc, ['fru', 'print', '7']);
    expect(absent.devices[0]!.fru).toBeUndefined();
    expect(absent.devices[0]!.error?.code).toBe('completion-code');
    const cc = absent.devices[0]!.error!.completionCode!;
    expect(theirs.stdout).toContain('Device not present');
    expect(cc).toBeGreaterThan(0);
  });
});
