// Known answers for the sensor view: the LAB CPU Temp full record (ipmi-lan.md §11.8: M=1, B=0, degrees C,
// thresholds lnr 0 / lcr 5 / lnc 10 / unc 80 / ucr 90 / unr 95, all readable and settable, sensor range
// 0x00-0xFF = unspecified) and the PSU1 Status compact record, read from a fake BMC that answers as the
// spec lays the replies out. The view's schema is checked on every result (what crosses IPC).
import { describe, expect, it } from 'vitest';
import type { IpmiRequest, IpmiResponse, Requester } from '../ipmi/client/requester';
import { dataOrThrow } from '../ipmi/client/requester';
import { decodeSdrRecord, type SdrRecord, type SensorRecord } from '../ipmi/decode/sdr/sdr-record';
import { readSensor } from '../ipmi/commands/sensor/sensor-snapshot';
import { sensorView as sensorViewSchema } from '../../shared/domain/sensor';
import { readSensorViews, sensorView } from './sensor';

const CPU =
  '010051013320001007017f680101950a950a3f3f0001000001000000000000000000ff005f5a5000050a0000000000c84350552054656d70';
const PSU1 = '07005102262000200a016740086f030003000300c000000000000000000000cb5053553120537461747573';
const record = (h: string, patch: Record<number, number> = {}) => {
  const b = Buffer.from(h, 'hex');
  for (const [i, v] of Object.entries(patch)) b[Number(i)] = v;
  return decodeSdrRecord(b) as SensorRecord;
};

/** Answers Get Sensor Reading (0x2D) and Get Sensor Thresholds (0x27) per sensor number. */
function bmc(answers: Record<number, { reading?: number[]; thresholds?: number[] }>): Requester {
  const raw = async (req: IpmiRequest): Promise<IpmiResponse> => {
    const a = answers[req.data![0]!] ?? {};
    const d = req.cmd === 0x2d ? a.reading : req.cmd === 0x27 ? a.thresholds : undefined;
    return d ? { completionCode: 0, data: Buffer.from(d) } : { completionCode: 0xcb, data: Buffer.alloc(0) };
  };
  return { host: 'fake', raw, request: async (req) => dataOrThrow('fake', req, await raw(req)) };
}

// reading 91 = 0x5B, scanning on, unc and ucr at or beyond (bits 3 and 4)
const CPU_HOT = { reading: [0x5b, 0xc0, 0x18, 0x00], thresholds: [0x3f, 10, 5, 0, 80, 90, 95] };

describe('sensorView', () => {
  it('CPU Temp above ucr: value in units, cr / critical, ucr crossed, every threshold live and settable', async () => {
    const v = sensorView(await readSensor(bmc({ 0x10: CPU_HOT }), record(CPU), { thresholds: true }));
    expect(v).toMatchObject({
      recordId: 1,
      number: 0x10,
      name: 'CPU Temp',
      recordKind: 'full',
      type: { code: 1, name: 'Temperature' },
      thresholdBased: true,
      entity: { id: 7, instance: 1, name: 'System Board' },
      units: 'degrees C',
      analog: true,
      convertible: true,
      available: true,
      value: 91,
      status: 'cr',
      severity: 'critical',
      crossed: 'ucr',
      thresholdsRead: true,
      thresholdsInitialized: true,
      thresholdAccess: 'settable',
      hysteresisAccess: 'settable',
      eventMessageControl: 'per-threshold',
      tolerance: { raw: 0, value: 0 },
      hysteresis: { positive: { raw: 0, value: 0 }, negative: { raw: 0, value: 0 } },
      range: {
        min: { raw: 0, value: 0, specified: false },
        max: { raw: 0xff, value: 255, specified: false },
      },
      masks: { readable: 0x3f, settable: 0x3f, read: 0 },
    });
    expect(
      v.thresholds.map((t) => [t.name, t.readable, t.settable, t.raw, t.value, t.initial?.value]),
    ).toEqual([
      ['lnr', true, true, 0, 0, 0],
      ['lcr', true, true, 5, 5, 5],
      ['lnc', true, true, 10, 10, 10],
      ['unc', true, true, 80, 80, 80],
      ['ucr', true, true, 90, 90, 90],
      ['unr', true, true, 95, 95, 95],
    ]);
    expect(sensorViewSchema.safeParse(v).success).toBe(true);
  });

  it('the most severe crossed threshold wins: lower non-recoverable before critical', async () => {
    const v = sensorView(
      await readSensor(bmc({ 0x10: { reading: [0x00, 0xc0, 0x07, 0] } }), record(CPU), { thresholds: true }),
    );
    expect([v.status, v.severity, v.crossed]).toEqual(['nr', 'non-recoverable', 'lnr']);
    // Get Sensor Thresholds refused: nothing readable, still settable per the SDR
    expect(v.thresholdsRead).toBe(false);
    expect(v.thresholds.every((t) => !t.readable && t.settable && t.raw === undefined)).toBe(true);
  });

  it('a refused reading: no reading, ns / unknown, no states', async () => {
    const v = sensorView(await readSensor(bmc({}), record(CPU)));
    expect(v.reading).toBeUndefined();
    expect(v.stateCodes).toEqual([]);
    expect([v.available, v.status, v.severity, v.value, v.crossed]).toEqual([
      false,
      'ns',
      'unknown',
      undefined,
      undefined,
    ]);
  });

  it('scanning disabled: the reading bytes are kept, the value is not', async () => {
    const v = sensorView(await readSensor(bmc({ 0x10: { reading: [0x30, 0x80, 0, 0] } }), record(CPU)));
    expect(v.reading).toMatchObject({ raw: 0x30, scanningEnabled: false, eventMessagesEnabled: true });
    expect([v.available, v.value, v.status]).toEqual([false, undefined, 'ns']);
  });

  it('PSU1 Status (compact, discrete): states in words, ok, no thresholds', async () => {
    const v = sensorView(
      await readSensor(bmc({ 0x20: { reading: [0x00, 0xc0, 0x01, 0x00] } }), record(PSU1)),
    );
    expect(v).toMatchObject({
      name: 'PSU1 Status',
      recordKind: 'compact',
      type: { code: 8, name: 'Power Supply' },
      thresholdBased: false,
      analog: false,
      available: true,
      status: 'ok',
      severity: 'normal',
      states: ['Presence detected'],
      stateCodes: [{ readingType: 0x6f, sensorType: 0x08, offset: 0 }],
      thresholds: [],
      thresholdsRead: false,
      range: {},
    });
    expect(v.tolerance).toBeUndefined();
    expect(sensorViewSchema.safeParse(v).success).toBe(true);
  });

  it('a 1/x sensor at raw 0 converts to Infinity in main and crosses IPC as the text "Infinity"', async () => {
    // linearization (byte 23) 0x07 = 1/x
    const v = sensorView(
      await readSensor(bmc({ 0x10: { reading: [0, 0xc0, 0, 0] } }), record(CPU, { 23: 0x07 })),
    );
    expect(v.value).toBe(Infinity);
    expect(sensorViewSchema.parse(v).value).toBe('Infinity');
  });
});

describe('readSensorViews', () => {
  it('reads every sensor record in SDR order, skips the others, reports each one done', async () => {
    const records: SdrRecord[] = [
      record(CPU),
      decodeSdrRecord(Buffer.from('080051031320002107010c6f00000000c74d656d20454343', 'hex')),
      record(PSU1),
    ];
    const seen: [number, number][] = [];
    const views = await readSensorViews(bmc({ 0x10: CPU_HOT, 0x20: { reading: [0, 0xc0, 1, 0] } }), records, {
      thresholds: true,
      onSensor: (done, total) => seen.push([done, total]),
    });
    expect(views.map((v) => v.name)).toEqual(['CPU Temp', 'PSU1 Status']);
    expect(seen).toEqual([
      [1, 2],
      [2, 2],
    ]);
  });
});
