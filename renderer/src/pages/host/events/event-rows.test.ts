// Rows from SEL event views and the filter over them, table-driven: which rows each filter keeps, and
// what the CSV export writes for the kinds of record a SEL holds (dated, pre-init, OEM, panic).
import { describe, expect, it } from 'vitest';
import type { SelEvent } from '../../../../../shared/domain/sel';
import { filterRows, isFiltered, NO_FILTER, sensorOptions, toRow, type EventFilter } from './event-rows';
import { eventsCsv, exportFileName } from './event-export';

const RAW = '00'.repeat(16);
const DATE = 1_600_000_000; // 2020-09-13 12:26:40 UTC

function sys(id: number, over: Partial<SelEvent> & { name?: string; typeName?: string }): SelEvent {
  const { name, typeName = 'Temperature', ...rest } = over;
  return {
    id,
    recordType: 2,
    kind: 'system',
    time: { seconds: DATE, preInit: false, unspecified: false, iso: '2020-09-13T12:26:40Z' },
    sensor: {
      number: 0x10,
      type: 1,
      typeName,
      generatorId: 0x20,
      ...(name !== undefined && {
        sdr: { name, recordKind: 'full' as const, entityId: 3, entityInstance: 1 },
      }),
    },
    eventType: { code: 1, name: 'Threshold' },
    direction: 'assertion',
    severity: 'info',
    description: 'Upper Critical going high',
    raw: RAW,
    ...rest,
  };
}

const EVENTS: SelEvent[] = [
  sys(1, {
    name: 'PSU1 Status',
    typeName: 'Power Supply',
    time: { seconds: 5373, preInit: true, unspecified: false },
    description: 'Presence detected',
  }),
  sys(2, { name: 'CPU Temp', severity: 'critical' }),
  sys(3, {
    name: 'PSU1 Status',
    typeName: 'Power Supply',
    severity: 'critical',
    description: 'Failure detected',
  }),
  sys(4, {
    name: 'Mem ECC',
    typeName: 'Memory',
    direction: 'deassertion',
    time: { seconds: DATE + 3600, preInit: false, unspecified: false },
    description: 'Correctable ECC',
  }),
  {
    id: 5,
    recordType: 0xc1,
    kind: 'oem-timestamped',
    time: { seconds: DATE, preInit: false, unspecified: false },
    manufacturerId: 0x0002a2,
    oemData: '010203040506',
    severity: 'info',
    description: '',
    raw: RAW,
  },
  { id: 6, recordType: 0xe0, kind: 'oem', oemData: '0102', severity: 'info', description: '', raw: RAW },
  sys(7, { typeName: 'Watchdog2', severity: 'warning', description: 'Hard reset' }),
];
const ROWS = EVENTS.map(toRow);
const shown = (r: ReturnType<typeof toRow>) => `${r.id} ${r.sensor} ${r.type} ${r.description}`;

describe('toRow', () => {
  it.each([
    [
      1,
      { sinceInit: 5373, sensor: 'PSU1 Status', sensorKey: 'Power Supply PSU1 Status', type: 'Power Supply' },
    ],
    [2, { date: DATE, sensor: 'CPU Temp', sensorKey: 'Temperature CPU Temp', direction: 'assertion' }],
    [
      5,
      {
        date: DATE,
        sensor: '',
        sensorKey: '',
        type: 'c1',
        manufacturer: '0002a2',
        description: '010203040506',
      },
    ],
    [6, { sensor: '', type: 'e0', description: '0102' }],
    [7, { sensor: '#0x10', sensorKey: 'Watchdog2 #0x10', severity: 'warning' }],
  ] as const)('record %i', (id, want) => {
    expect(ROWS.find((r) => r.id === id)).toMatchObject(want);
  });

  it('a record with no time has neither date nor pre-init seconds', () => {
    const r = ROWS.find((x) => x.id === 6)!;
    expect(r.date).toBeUndefined();
    expect(r.sinceInit).toBeUndefined();
  });
});

describe('filterRows', () => {
  const F = (f: Partial<EventFilter>): EventFilter => ({ ...NO_FILTER, ...f });
  it.each([
    ['no filter', F({}), [1, 2, 3, 4, 5, 6, 7]],
    ['critical', F({ severities: ['critical'] }), [2, 3]],
    ['critical or warning', F({ severities: ['critical', 'warning'] }), [2, 3, 7]],
    ['one sensor', F({ sensors: ['Power Supply PSU1 Status'] }), [1, 3]],
    ['two sensors', F({ sensors: ['Power Supply PSU1 Status', 'Memory Mem ECC'] }), [1, 3, 4]],
    ['range keeps dated rows only', F({ range: [DATE, DATE] }), [2, 3, 5, 7]],
    ['range is inclusive at the end', F({ range: [DATE + 1, DATE + 3600] }), [4]],
    ['open-ended range', F({ range: [DATE + 1, 0xffffffff] }), [4]],
    ['text, any case, trimmed', F({ text: '  ecc ' }), [4]],
    ['text in the OEM bytes', F({ text: '0102' }), [5, 6]],
    ['filters combine', F({ severities: ['critical'], text: 'failure' }), [3]],
    ['nothing matches', F({ text: 'no such thing' }), []],
  ] as const)('%s', (_name, f, ids) => {
    expect(filterRows(ROWS, f, shown).map((r) => r.id)).toEqual(ids);
  });

  it('isFiltered says whether any filter is set', () => {
    expect(isFiltered(NO_FILTER)).toBe(false);
    expect(isFiltered(F({ text: '   ' }))).toBe(false);
    expect(isFiltered(F({ text: 'x' }))).toBe(true);
    expect(isFiltered(F({ range: [0, 1] }))).toBe(true);
  });

  it('sensor options: each sensor once, with its count, by name', () => {
    expect(sensorOptions(ROWS)).toEqual([
      { key: 'Memory Mem ECC', count: 1 },
      { key: 'Power Supply PSU1 Status', count: 2 },
      { key: 'Temperature CPU Temp', count: 1 },
      { key: 'Watchdog2 #0x10', count: 1 },
    ]);
  });
});

describe('eventsCsv', () => {
  it('one line per row: ISO time or pre-init seconds, stable values, quoted where needed', () => {
    const lines = eventsCsv([ROWS[0]!, ROWS[1]!, ROWS[5]!, toRow(sys(8, { description: 'a, "b"' }))]).split(
      '\r\n',
    );
    expect(lines[0]).toBe(
      'id,time,pre_init_seconds,sensor,sensor_type,severity,description,direction,record_type,raw',
    );
    expect(lines[1]).toBe(`1,,5373,PSU1 Status,Power Supply,info,Presence detected,assertion,02,${RAW}`);
    expect(lines[2]).toBe(
      `2,2020-09-13T12:26:40.000Z,,CPU Temp,Temperature,critical,Upper Critical going high,assertion,02,${RAW}`,
    );
    expect(lines[3]).toBe(`6,,,,e0,info,0102,,e0,${RAW}`);
    expect(lines[4]).toBe(
      `8,2020-09-13T12:26:40.000Z,,#0x10,Temperature,info,"a, ""b""",assertion,02,${RAW}`,
    );
    expect(lines[5]).toBe('');
  });

  it('file names carry the host and the local time, with unsafe characters replaced', () => {
    const at = new Date(2026, 11, 4, 18, 5, 9);
    expect(exportFileName('rack 3/node:7', 'csv', at)).toBe('rack_3_node_7-sel-20261204-180509.csv');
    expect(exportFileName('lab', 'json', at)).toBe('lab-sel-20261204-180509.json');
  });
});
