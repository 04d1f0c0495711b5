// Known-answer vectors for the AMI firewall codec. No AMI hardware capture was available, so every vector
// is derived by hand from the documented layouts: the Dell EMC PowerSwitch BMC user guide parameter table
// (S5200-ON rev A03 pp. 17-22: param numbers, state 0 drop / 1 accept, protocol 0 TCP / 1 UDP / 2 both,
// drop-all flag bit 0 IPv4 / bit 1 IPv6) and AMI's headers / client library (IPMI_AMIConf.h request and
// entry structs, libipmi_AMIOEM.c request lengths, Timeout_T = yy(INT16U LE) mm dd hh mm, ports INT16U LE).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IpmiError } from '../../../errors';
import {
  decodeFirewallEntry,
  encodeAddRule,
  encodeDropAll,
  encodeFlush,
  encodeGetBlockAll,
  encodeGetEntry,
  encodeGetRuleCount,
  encodeRemoveDropAll,
  encodeRemoveRule,
} from './firewall-codec';
import { SET_FIREWALL_PARAMS, type FirewallRule, type FirewallWindow } from './firewall-layout';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
const bytes = (...b: number[]) => Uint8Array.from(b);

/** 2025-03-01 08:00 until 2025-03-01 18:30 on the BMC clock. 2025 = 0x07E9. */
const WINDOW: FirewallWindow = {
  start: { year: 2025, month: 3, day: 1, hour: 8, minute: 0 },
  stop: { year: 2025, month: 3, day: 1, hour: 18, minute: 30 },
};
const WINDOW_BYTES = [
  0xe9,
  0x07,
  0x03,
  0x01,
  0x08,
  0x00, // start: year 2025 LS byte first, month 3, day 1, 08:00
  0xe9,
  0x07,
  0x03,
  0x01,
  0x12,
  0x1e, // stop: year 2025, month 3, day 1, 18:30
];

const ip: FirewallRule = { kind: 'ip', state: 'accept', address: '10.0.0.5' };
const range: FirewallRule = { kind: 'range', state: 'drop', start: '192.168.1.10', end: '192.168.1.20' };
const port: FirewallRule = { kind: 'port', state: 'drop', protocol: 'tcp', port: 22 };
const portRange: FirewallRule = {
  kind: 'port-range',
  state: 'accept',
  protocol: 'udp',
  start: 1000,
  end: 2000,
};

const IP_BODY = [0x0a, 0x00, 0x00, 0x05]; // 10.0.0.5 in dotted order
const RANGE_BODY = [0xc0, 0xa8, 0x01, 0x0a, 0xc0, 0xa8, 0x01, 0x14]; // 192.168.1.10, 192.168.1.20
const PORT_BODY = [0x00, 0x16, 0x00]; // protocol 0 = TCP, port 22 = 0x0016 LS byte first
const PORT_RANGE_BODY = [0x01, 0xe8, 0x03, 0xd0, 0x07]; // protocol 1 = UDP, 1000 = 0x03E8, 2000 = 0x07D0

describe('AMI Set Firewall (0x76) request encoding', () => {
  const cases: Array<[string, Uint8Array, number[]]> = [
    // [param, state, body...]
    ['param 0 add IPv4 address, ACCEPT', encodeAddRule(ip), [0x00, 0x01, ...IP_BODY]],
    ['param 1 add IPv4 range, DROP', encodeAddRule(range), [0x01, 0x00, ...RANGE_BODY]],
    ['param 2 add port, DROP', encodeAddRule(port), [0x02, 0x00, ...PORT_BODY]],
    ['param 3 add port range, ACCEPT', encodeAddRule(portRange), [0x03, 0x01, ...PORT_RANGE_BODY]],
    ['param 4 remove IPv4 address (state must match)', encodeRemoveRule(ip), [0x04, 0x01, ...IP_BODY]],
    ['param 5 remove IPv4 range', encodeRemoveRule(range), [0x05, 0x00, ...RANGE_BODY]],
    ['param 6 remove port', encodeRemoveRule(port), [0x06, 0x00, ...PORT_BODY]],
    ['param 7 remove port range', encodeRemoveRule(portRange), [0x07, 0x01, ...PORT_RANGE_BODY]],
    ['param 8 flush (no data; state ignored, sent 0)', encodeFlush(), [0x08, 0x00]],
    [
      'param 9 drop all, IPv4 + IPv6',
      encodeDropAll({ kind: 'drop-all', ipv4: true, ipv6: true }),
      [0x09, 0x00, 0x03], // flags: bit0 IPv4 | bit1 IPv6
    ],
    [
      'param 9 drop all, IPv4 only',
      encodeDropAll({ kind: 'drop-all', ipv4: true, ipv6: false }),
      [0x09, 0x00, 0x01],
    ],
    [
      'param 9 drop all, IPv6 only',
      encodeDropAll({ kind: 'drop-all', ipv4: false, ipv6: true }),
      [0x09, 0x00, 0x02],
    ],
    [
      'param 10 remove drop-all, IPv4 + IPv6',
      encodeRemoveDropAll({ kind: 'drop-all', ipv4: true, ipv6: true }),
      [0x0a, 0x00, 0x03],
    ],
    [
      'param 11 add IPv4 address with timeout',
      encodeAddRule({ ...ip, window: WINDOW }),
      [0x0b, 0x01, ...IP_BODY, ...WINDOW_BYTES],
    ],
    [
      'param 12 add IPv4 range with timeout',
      encodeAddRule({ ...range, window: WINDOW }),
      [0x0c, 0x00, ...RANGE_BODY, ...WINDOW_BYTES],
    ],
    [
      'param 13 add port with timeout',
      encodeAddRule({ ...port, window: WINDOW }),
      [0x0d, 0x00, ...PORT_BODY, ...WINDOW_BYTES],
    ],
    [
      'param 14 add port range with timeout',
      encodeAddRule({ ...portRange, window: WINDOW }),
      [0x0e, 0x01, ...PORT_RANGE_BODY, ...WINDOW_BYTES],
    ],
    [
      'param 15 remove timed IPv4 address',
      encodeRemoveRule({ ...ip, window: WINDOW }),
      [0x0f, 0x01, ...IP_BODY, ...WINDOW_BYTES],
    ],
    [
      'param 16 remove timed IPv4 range',
      encodeRemoveRule({ ...range, window: WINDOW }),
      [0x10, 0x00, ...RANGE_BODY, ...WINDOW_BYTES],
    ],
    [
      'param 17 remove timed port',
      encodeRemoveRule({ ...port, window: WINDOW }),
      [0x11, 0x00, ...PORT_BODY, ...WINDOW_BYTES],
    ],
    [
      'param 18 remove timed port range',
      encodeRemoveRule({ ...portRange, window: WINDOW }),
      [0x12, 0x01, ...PORT_RANGE_BODY, ...WINDOW_BYTES],
    ],
    [
      'param 19 drop all with timeout, IPv4',
      encodeDropAll({ kind: 'drop-all', ipv4: true, ipv6: false, window: WINDOW }),
      [0x13, 0x00, 0x01, ...WINDOW_BYTES],
    ],
    [
      'port "both" (2) and the extremes 1 / 65535',
      encodeAddRule({ kind: 'port-range', state: 'drop', protocol: 'both', start: 1, end: 65535 }),
      [0x03, 0x00, 0x02, 0x01, 0x00, 0xff, 0xff],
    ],
    [
      'IPv4 range of one address (start == end) is allowed',
      encodeAddRule({ kind: 'range', state: 'accept', start: '0.0.0.0', end: '0.0.0.0' }),
      [0x01, 0x01, 0, 0, 0, 0, 0, 0, 0, 0],
    ],
  ];
  it.each(cases)('%s', (_name, got, want) => {
    expect(hex(got)).toBe(hex(Uint8Array.from(want)));
  });

  it('request lengths match AMI client library: 2+4, 2+8, 2+3, 2+5, each +12 when timed', () => {
    expect([ip, range, port, portRange].map((r) => encodeAddRule(r).length)).toEqual([6, 10, 5, 7]);
    expect([ip, range, port, portRange].map((r) => encodeAddRule({ ...r, window: WINDOW }).length)).toEqual([
      18, 22, 17, 19,
    ]);
  });

  it('the parameter table has each code 0-19 exactly once', () => {
    expect(SET_FIREWALL_PARAMS.map((p) => p.code)).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });
});

describe('AMI Get Firewall (0x77) requests', () => {
  it('sends [param, entry] by default; param 0 count, 1 entry info, 2 is-block-all', () => {
    expect(hex(encodeGetRuleCount())).toBe('0000');
    expect(hex(encodeGetEntry(7))).toBe('0107'); // GET_ENTRY_INFO, entry 7 (0-based)
    expect(hex(encodeGetBlockAll())).toBe('0200');
    // AMI's own client's 1-byte form, for firmware that answers 0xC7 to the padded one
    expect(hex(encodeGetRuleCount(true))).toBe('00');
    expect(hex(encodeGetBlockAll(true))).toBe('02');
  });
  it.each([-1, 256, 1.5, NaN])('rejects entry index %s', (i) => {
    expect(() => encodeGetEntry(i)).toThrow(expect.objectContaining({ kind: 'argument' }));
  });
});

describe('argument validation (rejected before any byte is produced)', () => {
  const bad: Array<[string, () => unknown, RegExp]> = [
    [
      'IPv4 octet > 255',
      () => encodeAddRule({ ...ip, address: '256.0.0.1' } as FirewallRule),
      /256\.0\.0\.1/,
    ],
    [
      'IPv4 with 3 octets',
      () => encodeAddRule({ ...ip, address: '10.0.0' } as FirewallRule),
      /not a dotted-quad/,
    ],
    [
      'IPv4 with a leading zero',
      () => encodeAddRule({ ...ip, address: '010.0.0.1' } as FirewallRule),
      /not a dotted-quad/,
    ],
    [
      'IPv4 with spaces',
      () => encodeAddRule({ ...ip, address: ' 10.0.0.1' } as FirewallRule),
      /not a dotted-quad/,
    ],
    ['IPv6 address', () => encodeAddRule({ ...ip, address: '::1' } as FirewallRule), /not a dotted-quad/],
    [
      'host name',
      () => encodeAddRule({ ...ip, address: 'bmc.example' } as FirewallRule),
      /not a dotted-quad/,
    ],
    [
      'range start > end',
      () => encodeAddRule({ ...range, start: '10.0.0.9', end: '10.0.0.1' } as FirewallRule),
      /after range end/,
    ],
    ['port 0', () => encodeAddRule({ ...port, port: 0 } as FirewallRule), /outside 1-65535/],
    ['port 65536', () => encodeAddRule({ ...port, port: 65536 } as FirewallRule), /outside 1-65535/],
    ['port 1.5', () => encodeAddRule({ ...port, port: 1.5 } as FirewallRule), /outside 1-65535/],
    [
      'port range start > end',
      () => encodeAddRule({ ...portRange, start: 2000, end: 1000 } as FirewallRule),
      /after end port/,
    ],
    [
      'port range end 70000',
      () => encodeAddRule({ ...portRange, end: 70000 } as FirewallRule),
      /outside 1-65535/,
    ],
    [
      'unknown protocol',
      () => encodeAddRule({ ...port, protocol: 'icmp' } as unknown as FirewallRule),
      /unknown protocol "icmp"/,
    ],
    [
      'protocol "toString"',
      () => encodeAddRule({ ...port, protocol: 'toString' } as unknown as FirewallRule),
      /unknown protocol/,
    ],
    [
      'unknown state',
      () => encodeAddRule({ ...ip, state: 'reject' } as unknown as FirewallRule),
      /unknown state "reject"/,
    ],
    [
      'unknown kind',
      () => encodeAddRule({ kind: 'mac', state: 'drop' } as unknown as FirewallRule),
      /unknown rule kind "mac"/,
    ],
    [
      'drop-all as a rule',
      () => encodeAddRule({ kind: 'drop-all' } as unknown as FirewallRule),
      /unknown rule kind/,
    ],
    [
      'drop-all with no family',
      () => encodeDropAll({ kind: 'drop-all', ipv4: false, ipv6: false }),
      /at least one/,
    ],
    [
      'window with 30 February',
      () => encodeAddRule({ ...ip, window: { ...WINDOW, start: { ...WINDOW.start, month: 2, day: 30 } } }),
      /start time .* not a valid date/,
    ],
    [
      'window with hour 24',
      () => encodeAddRule({ ...ip, window: { ...WINDOW, stop: { ...WINDOW.stop, hour: 24 } } }),
      /stop time/,
    ],
    [
      'window stop before start',
      () => encodeAddRule({ ...ip, window: { start: WINDOW.stop, stop: WINDOW.start } }),
      /after the start/,
    ],
    [
      'remove drop-all with a window',
      () => encodeRemoveDropAll({ kind: 'drop-all', ipv4: true, ipv6: false, window: WINDOW } as never),
      /no time window/,
    ],
  ];
  it.each(bad)('%s', (_name, f, message) => {
    let error: unknown;
    try {
      f();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(IpmiError);
    expect((error as IpmiError).kind).toBe('argument');
    expect((error as IpmiError).message).toMatch(message);
  });
});

describe('AMI Get Firewall (0x77) response decoding', () => {
  it('param 1: IPv4 address entry, padded to the 8-byte union of the no-timeout AMI tree', () => {
    const data = bytes(
      0x00, // TYPE 0 = IPv4 address rule
      0x01, // State 1 = ACCEPT
      0x0a,
      0x00,
      0x00,
      0x05, // 10.0.0.5
      0x00,
      0x00,
      0x00,
      0x00, // union padding (ignored)
    );
    expect(decodeFirewallEntry(data, 0)).toEqual({
      kind: 'ip',
      index: 0,
      type: 0,
      state: 'accept',
      address: '10.0.0.5',
    });
  });

  it('param 1: IPv4 range entry, unpadded', () => {
    const data = bytes(0x01, 0x00, ...RANGE_BODY); // TYPE 1 range, DROP, 192.168.1.10-192.168.1.20
    expect(decodeFirewallEntry(data, 3)).toEqual({ ...range, index: 3, type: 1 });
  });

  it('param 1: port entry padded to the 20-byte union of the timeout tree', () => {
    const data = bytes(0x02, 0x00, ...PORT_BODY, ...new Array<number>(17).fill(0xee)); // padding is garbage
    expect(decodeFirewallEntry(data, 1)).toEqual({ ...port, index: 1, type: 2 });
  });

  it('param 1: port range entry', () => {
    const data = bytes(0x03, 0x01, ...PORT_RANGE_BODY); // TYPE 3, ACCEPT, UDP 1000-2000
    expect(decodeFirewallEntry(data, 2)).toEqual({ ...portRange, index: 2, type: 3 });
  });

  it('param 1: timed entries (types 11-14) carry their window', () => {
    expect(decodeFirewallEntry(bytes(0x0b, 0x01, ...IP_BODY, ...WINDOW_BYTES), 0)).toEqual({
      ...ip,
      window: WINDOW,
      index: 0,
      type: 11,
    });
    expect(decodeFirewallEntry(bytes(0x0e, 0x01, ...PORT_RANGE_BODY, ...WINDOW_BYTES), 4)).toEqual({
      ...portRange,
      window: WINDOW,
      index: 4,
      type: 14,
    });
  });

  it('param 1: drop-all with timeout (type 19) ignores the state byte', () => {
    const data = bytes(0x13, 0x7f, 0x03, ...WINDOW_BYTES); // TYPE 19, state (ignored), IPv4|IPv6, window
    expect(decodeFirewallEntry(data, 0)).toEqual({
      kind: 'drop-all',
      index: 0,
      type: 19,
      ipv4: true,
      ipv6: true,
      window: WINDOW,
    });
  });

  it('param 1: an undocumented TYPE (29 = IPv6 address on VEP4600) is kept as unknown, not an error', () => {
    const body = new Array<number>(16).fill(0x20);
    expect(decodeFirewallEntry(bytes(29, 0x01, ...body), 5)).toEqual({
      kind: 'unknown',
      index: 5,
      type: 29,
      stateCode: 1,
      body: Uint8Array.from(body),
    });
  });

  const malformed: Array<[string, Uint8Array]> = [
    ['empty', bytes()],
    ['type only', bytes(0x00)],
    ['IPv4 entry one byte short', bytes(0x00, 0x01, 0x0a, 0x00, 0x00)],
    ['timed IPv4 entry without its window', bytes(0x0b, 0x01, ...IP_BODY)],
    ['state byte 2', bytes(0x00, 0x02, ...IP_BODY)],
    ['protocol byte 3', bytes(0x02, 0x00, 0x03, 0x16, 0x00)],
  ];
  it.each(malformed)('malformed entry (%s) is a protocol error', (_name, data) => {
    expect(() => decodeFirewallEntry(data, 0)).toThrow(expect.objectContaining({ kind: 'protocol' }));
  });
});

describe('properties', () => {
  const anyBytes = fc.uint8Array({ maxLength: 40 });

  it('random or truncated responses decode to a value or a typed IpmiError, nothing else', () => {
    fc.assert(
      fc.property(anyBytes, fc.nat(255), (data, index) => {
        for (const f of [() => decodeFirewallEntry(data, index)]) {
          try {
            f();
          } catch (e) {
            expect(e).toBeInstanceOf(IpmiError);
            expect((e as IpmiError).kind).toBe('protocol');
          }
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('values that cannot even be turned into text (no usable toString) still give an argument error', () => {
    // found by the property below: { toString: {} } made the error message itself throw a TypeError
    const hostile = { toString: {}, valueOf: {} };
    for (const rule of [
      { kind: 'ip', state: hostile, address: '10.0.0.1' },
      { kind: 'ip', state: 'accept', address: hostile },
      { kind: 'port', state: 'drop', protocol: hostile, port: 22 },
      { kind: 'port', state: 'drop', protocol: 'tcp', port: hostile },
      { kind: 'range', state: 'drop', start: hostile, end: hostile },
      { kind: hostile, state: 'drop' },
    ]) {
      for (const f of [encodeAddRule, encodeRemoveRule]) {
        let err: unknown;
        try {
          f(rule as never);
        } catch (e) {
          err = e;
        }
        expect(err).toBeInstanceOf(IpmiError);
        expect((err as IpmiError).kind).toBe('argument');
      }
    }
  });

  it('arbitrary objects as rules (e.g. from IPC) encode or give an argument error, nothing else', () => {
    const field = fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.constant(undefined), fc.object());
    const anyRule = fc.record({
      kind: fc.oneof(fc.constantFrom('ip', 'range', 'port', 'port-range', 'drop-all', 'flush'), fc.string()),
      state: fc.oneof(fc.constantFrom('drop', 'accept'), field),
      address: fc.oneof(fc.constant('10.0.0.1'), field),
      start: fc.oneof(fc.constant('10.0.0.1'), fc.integer({ min: 1, max: 65535 }), field),
      end: fc.oneof(fc.constant('10.0.0.2'), fc.integer({ min: 1, max: 65535 }), field),
      protocol: fc.oneof(fc.constantFrom('tcp', 'udp', 'both'), field),
      port: fc.oneof(fc.integer({ min: 1, max: 65535 }), field),
      window: fc.oneof(
        fc.constant(undefined),
        fc.constant({ start: WINDOW.start, stop: WINDOW.stop }),
        field,
      ),
    });
    fc.assert(
      fc.property(anyRule, (r) => {
        for (const f of [encodeAddRule, encodeRemoveRule, encodeDropAll as (x: unknown) => Uint8Array]) {
          try {
            expect(f(r as never)).toBeInstanceOf(Uint8Array);
          } catch (e) {
            expect(e).toBeInstanceOf(IpmiError);
            expect((e as IpmiError).kind).toBe('argument');
          }
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('every prefix of a valid timed entry is either the full rule or a protocol error', () => {
    const full = bytes(0x0e, 0x01, ...PORT_RANGE_BODY, ...WINDOW_BYTES);
    for (let n = 0; n < full.length; n++) {
      expect(() => decodeFirewallEntry(full.subarray(0, n), 0)).toThrow(IpmiError);
    }
    expect(decodeFirewallEntry(full, 0).kind).toBe('port-range');
  });

  const octet = fc.integer({ min: 0, max: 255 });
  const address = fc.tuple(octet, octet, octet, octet).map((o) => o.join('.'));
  const state = fc.constantFrom('drop' as const, 'accept' as const);
  const protocol = fc.constantFrom('tcp' as const, 'udp' as const, 'both' as const);
  const portNo = fc.integer({ min: 1, max: 65535 });
  const time = fc
    .date({ min: new Date(Date.UTC(1970, 0, 1)), max: new Date(Date.UTC(9998, 11, 31)), noInvalidDate: true })
    .map((d) => ({
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      day: d.getUTCDate(),
      hour: d.getUTCHours(),
      minute: d.getUTCMinutes(),
    }));
  const window = fc
    .tuple(time, time)
    .filter(
      ([a, b]) =>
        Date.UTC(a.year, a.month - 1, a.day, a.hour, a.minute) <
        Date.UTC(b.year, b.month - 1, b.day, b.hour, b.minute),
    )
    .map(([start, stop]) => ({ start, stop }));
  const ordered = <T>(a: fc.Arbitrary<T>, key: (x: T) => number) =>
    fc.tuple(a, a).map(([x, y]) => (key(x) <= key(y) ? [x, y] : [y, x]) as [T, T]);
  const ipNum = (s: string) => s.split('.').reduce((n, o) => n * 256 + Number(o), 0);
  const rule: fc.Arbitrary<FirewallRule> = fc.oneof(
    fc.record({ kind: fc.constant('ip' as const), state, address }),
    fc
      .tuple(state, ordered(address, ipNum))
      .map(([s, [start, end]]) => ({ kind: 'range' as const, state: s, start, end })),
    fc.record({ kind: fc.constant('port' as const), state, protocol, port: portNo }),
    fc
      .tuple(
        state,
        protocol,
        ordered(portNo, (p) => p),
      )
      .map(([s, p, [start, end]]) => ({ kind: 'port-range' as const, state: s, protocol: p, start, end })),
  );

  it('mirror: a rule read back in the Set layout (TYPE = Set param, padding appended) decodes to itself', () => {
    fc.assert(
      fc.property(
        rule,
        fc.option(window, { nil: undefined }),
        fc.uint8Array({ maxLength: 24 }),
        (r, w, padding) => {
          const withWindow: FirewallRule = w ? { ...r, window: w } : r;
          const set = encodeAddRule(withWindow);
          const reply = Uint8Array.from([...set, ...padding]); // [param=TYPE, state, body..., padding]
          expect(decodeFirewallEntry(reply, 9)).toEqual({ ...withWindow, index: 9, type: set[0] });
        },
      ),
      { numRuns: 1000 },
    );
  });
});
