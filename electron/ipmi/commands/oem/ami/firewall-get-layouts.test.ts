// Known-answer tests for every Get Firewall reply layout (firewall-get-layouts.ts), table-driven: each row
// is a reply, the layout it is read in, and the value it must decode to or the misfit it must be refused
// with. Vectors are built by hand from the layouts' descriptions (ami-v1: AMI IPMI_AMIConf.h; ami-v2: the
// lab model served by e2e/lab/ami-firewall-bmc.py --layout v2), not captured from hardware.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IpmiError } from '../../../errors';
import {
  GET_LAYOUTS,
  decodeBlockAllAs,
  decodeCountAs,
  decodeEntryAs,
  getLayout,
  layoutsForCount,
  layoutsForEntry,
  type GetLayoutId,
} from './firewall-get-layouts';

const b = (...x: number[]) => Uint8Array.from(x);
const zeros = (n: number) => new Array<number>(n).fill(0);
const WINDOW = [0xe9, 0x07, 3, 1, 8, 0, 0xe9, 0x07, 3, 1, 18, 30]; // 2025-03-01 08:00 .. 18:30
const WINDOW_VALUE = {
  start: { year: 2025, month: 3, day: 1, hour: 8, minute: 0 },
  stop: { year: 2025, month: 3, day: 1, hour: 18, minute: 30 },
};

describe('count replies (Get param 0)', () => {
  const cases: Array<[GetLayoutId, Uint8Array, number | string]> = [
    ['ami-v1', b(0x05), 5],
    ['ami-v1', b(0x00), 0],
    ['ami-v1', b(0x05, 0x40), 'rule count does not fit layout ami-v1: 2 bytes, expected 1'],
    ['ami-v1', b(), 'rule count does not fit layout ami-v1: 0 bytes, expected 1'],
    ['ami-v2', b(0x03, 0x40), 3], // 3 rules in use, capacity 64
    ['ami-v2', b(0x00, 0x40), 0],
    ['ami-v2', b(0x03), 'rule count does not fit layout ami-v2: 1 byte, expected 2'],
    ['ami-v2', b(0xa0, 0x01, 0x03), 'rule count does not fit layout ami-v2: 3 bytes, expected 2'],
  ];
  it.each(cases)('%s %o -> %o', (id, data, want) => {
    if (typeof want === 'number') expect(decodeCountAs(getLayout(id), data)).toBe(want);
    else expect(() => decodeCountAs(getLayout(id), data)).toThrow(want);
  });
  it('the count reply length alone tells the known layouts apart', () => {
    expect(layoutsForCount(b(1)).map((l) => l.id)).toEqual(['ami-v1']);
    expect(layoutsForCount(b(1, 64)).map((l) => l.id)).toEqual(['ami-v2']);
    expect(layoutsForCount(b(0xa0, 1, 1))).toEqual([]);
    expect(new Set(GET_LAYOUTS.map((l) => l.count.length)).size).toBe(GET_LAYOUTS.length);
  });
});

describe('is-block-all replies (Get param 2)', () => {
  const cases: Array<[GetLayoutId, Uint8Array, { active: boolean; raw: number } | string]> = [
    ['ami-v1', b(0x00), { active: false, raw: 0 }],
    ['ami-v1', b(0x03), { active: true, raw: 3 }],
    ['ami-v2', b(0x01), { active: true, raw: 1 }],
    ['ami-v1', b(0xa2, 0x01, 0x00), 'is-block-all does not fit layout ami-v1: 3 bytes, expected 1'],
    ['ami-v2', b(), 'is-block-all does not fit layout ami-v2: 0 bytes, expected 1'],
  ];
  it.each(cases)('%s %o -> %o', (id, data, want) => {
    if (typeof want === 'string') expect(() => decodeBlockAllAs(getLayout(id), data)).toThrow(want);
    else expect(decodeBlockAllAs(getLayout(id), data)).toEqual(want);
  });
});

describe('entry replies (Get param 1)', () => {
  const ip = { kind: 'ip', state: 'accept', address: '10.0.0.5' };
  const port = { kind: 'port', state: 'drop', protocol: 'tcp', port: 22 };
  const range = { kind: 'range', state: 'drop', start: '192.168.1.10', end: '192.168.1.20' };
  const IP = [0x0a, 0, 0, 5];
  const PORT = [0x00, 0x16, 0x00]; // TCP, 22 LS byte first
  const RANGE = [192, 168, 1, 10, 192, 168, 1, 20];
  const cases: Array<[string, GetLayoutId, number, Uint8Array, object | string]> = [
    // ami-v1: TYPE, State, body; unpadded or padded to the 8- or 20-byte union
    ['v1 IPv4 unpadded', 'ami-v1', 0, b(0x00, 0x01, ...IP), { ...ip, index: 0, type: 0 }],
    ['v1 IPv4 padded to 8', 'ami-v1', 1, b(0x00, 0x01, ...IP, ...zeros(4)), { ...ip, index: 1, type: 0 }],
    [
      'v1 port padded to 20',
      'ami-v1',
      2,
      b(0x02, 0x00, ...PORT, ...zeros(17)),
      { ...port, index: 2, type: 2 },
    ],
    ['v1 range', 'ami-v1', 3, b(0x01, 0x00, ...RANGE), { ...range, index: 3, type: 1 }],
    [
      'v1 timed IPv4 (type 11)',
      'ami-v1',
      0,
      b(0x0b, 0x01, ...IP, ...WINDOW),
      { ...ip, window: WINDOW_VALUE, index: 0, type: 11 },
    ],
    [
      'v1 undocumented TYPE 29 kept raw',
      'ami-v1',
      4,
      b(29, 0x01, ...zeros(16)),
      { kind: 'unknown', index: 4, type: 29, stateCode: 1, body: Uint8Array.from(zeros(16)) },
    ],
    [
      'v1 IPv4 padded to 6 (no union size)',
      'ami-v1',
      0,
      b(0x00, 0x01, ...IP, 0, 0),
      'entry 0 does not fit layout ami-v1: a body of 6 bytes for rule type 0, expected 4 or 8 or 20',
    ],
    [
      'v1 reading a v2 reply',
      'ami-v1',
      0,
      b(0x00, 0x00, 0x01, ...IP, ...zeros(40)),
      'entry 0 does not fit layout ami-v1: a body of 45 bytes for rule type 0, expected 4 or 8 or 20',
    ],
    [
      'v1 type only',
      'ami-v1',
      0,
      b(0x00),
      'entry 0 does not fit layout ami-v1: 1 byte, too short for its header',
    ],
    ['v1 state 2 (fits, but is malformed)', 'ami-v1', 0, b(0x00, 0x02, ...IP), 'state byte 0x02'],
    // ami-v2: entry number, TYPE, State, body padded to 44
    ['v2 IPv4', 'ami-v2', 0, b(0x00, 0x00, 0x01, ...IP, ...zeros(40)), { ...ip, index: 0, type: 0 }],
    ['v2 port', 'ami-v2', 7, b(0x07, 0x02, 0x00, ...PORT, ...zeros(41)), { ...port, index: 7, type: 2 }],
    [
      'v2 timed IPv4 (type 11)',
      'ami-v2',
      1,
      b(0x01, 0x0b, 0x01, ...IP, ...WINDOW, ...zeros(28)),
      { ...ip, window: WINDOW_VALUE, index: 1, type: 11 },
    ],
    [
      'v2 drop-all with timeout (type 19)',
      'ami-v2',
      2,
      b(0x02, 0x13, 0x00, 0x01, ...WINDOW, ...zeros(31)),
      { kind: 'drop-all', ipv4: true, ipv6: false, window: WINDOW_VALUE, index: 2, type: 19 },
    ],
    [
      'v2 undocumented TYPE 29 kept raw',
      'ami-v2',
      0,
      b(0x00, 29, 0x01, ...zeros(44)),
      { kind: 'unknown', index: 0, type: 29, stateCode: 1, body: Uint8Array.from(zeros(44)) },
    ],
    [
      'v2 naming another entry',
      'ami-v2',
      3,
      b(0x02, 0x00, 0x01, ...IP, ...zeros(40)),
      'entry 3 does not fit layout ami-v2: the reply names entry 2',
    ],
    [
      'v2 reading a v1 reply',
      'ami-v2',
      0,
      b(0x00, 0x01, ...IP),
      'entry 0 does not fit layout ami-v2: a body of 3 bytes for rule type 1, expected 44',
    ],
    [
      'v2 unpadded',
      'ami-v2',
      0,
      b(0x00, 0x00, 0x01, ...IP),
      'entry 0 does not fit layout ami-v2: a body of 4 bytes for rule type 0, expected 44',
    ],
  ];
  it.each(cases)('%s', (_name, id, index, data, want) => {
    if (typeof want === 'string') {
      expect(() => decodeEntryAs(getLayout(id), data, index)).toThrow(want);
    } else expect(decodeEntryAs(getLayout(id), data, index)).toEqual(want);
  });

  it('an entry reply fits at most one known layout', () => {
    expect(layoutsForEntry(b(0x00, 0x01, ...IP), 0).map((l) => l.id)).toEqual(['ami-v1']);
    expect(layoutsForEntry(b(0x00, 0x00, 0x01, ...IP, ...zeros(40)), 0).map((l) => l.id)).toEqual(['ami-v2']);
    expect(layoutsForEntry(b(0xa1, 0x06, 0x00, 0x01, ...IP), 0)).toEqual([]); // the lab's opaque TLV form
  });
});

describe('properties', () => {
  it('random replies decode in every layout to a value or a typed protocol error, nothing else', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), fc.nat(255), (data, index) => {
        for (const l of GET_LAYOUTS) {
          for (const f of [
            () => decodeCountAs(l, data),
            () => decodeBlockAllAs(l, data),
            () => decodeEntryAs(l, data, index),
          ]) {
            try {
              f();
            } catch (e) {
              expect(e).toBeInstanceOf(IpmiError);
              expect((e as IpmiError).kind).toBe('protocol');
            }
          }
        }
        // and classification never throws
        layoutsForCount(data);
        expect(layoutsForEntry(data, index).length).toBeLessThanOrEqual(1);
      }),
      { numRuns: 2000 },
    );
  });
});
