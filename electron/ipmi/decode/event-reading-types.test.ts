import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { assertedStates, eventText, eventReadingTypeKind, stateEntries } from './event-reading-types';

// Expected strings: ipmitool 1.8.19 output on the LAB BMC (ipmi-lan.md §11.8/§11.9 — SEL lines and
// `sdr elist`) and, for the rest, ipmitool's include/ipmitool/ipmi_sel.h tables (the spec's table
// 42-3 wording as ipmitool prints it).
describe('eventText', () => {
  const cases: [
    sensorType: number,
    ert: number,
    offset: number,
    data2: number | undefined,
    text: string | undefined,
  ][] = [
    // §11.9 LAB SEL vectors
    [0x01, 0x01, 0x09, undefined, 'Upper Critical going high'],
    [0x02, 0x01, 0x02, undefined, 'Lower Critical going low '], // trailing space → ipmitool's double space
    [0x08, 0x6f, 0x01, undefined, 'Failure detected'],
    [0x0c, 0x6f, 0x00, undefined, 'Correctable ECC'],
    [0x23, 0x6f, 0x01, undefined, 'Hard reset'],
    [0x0f, 0x6f, 0x00, 0x03, 'Unrecoverable IDE device failure'],
    [0x07, 0x6f, 0x00, undefined, 'IERR'],
    [0x08, 0x6f, 0x00, undefined, 'Presence detected'], // §11.8 PSU1 Status elist / §11.9 pre-init line
    // data-2 dependent offsets fall back to the catch-all text
    [0x0f, 0x6f, 0x00, undefined, 'Unknown Error'],
    [0x0f, 0x6f, 0x00, 0x7e, 'Unknown Error'],
    [0x0f, 0x6f, 0x02, 0x19, 'Primary CPU initialization'],
    [0x08, 0x6f, 0x06, 0x03, 'Config Error: Power Supply Rating Mismatch'],
    [0x08, 0x6f, 0x06, undefined, 'Config Error'],
    [0x2b, 0x6f, 0x01, 0x09, 'Firmware or software change detected, BIOS/EFI change'],
    [0x2b, 0x6f, 0x01, undefined, undefined], // no catch-all in ipmitool's table
    // generic types ignore the sensor type
    [0x05, 0x03, 0x01, undefined, 'State Asserted'],
    [0x99, 0x07, 0x08, undefined, 'Informational'],
    [0x01, 0x0b, 0x07, undefined, 'Redundancy Degraded from Non-Redundant'],
    [0x01, 0x0c, 0x03, undefined, 'D3 Power State'],
    // gaps and OEM
    [0x22, 0x6f, 0x0d, undefined, undefined],
    [0x22, 0x6f, 0x0e, undefined, 'Unknown'],
    [0x01, 0x70, 0x00, undefined, undefined],
    [0x2d, 0x6f, 0x00, undefined, undefined],
    [0xf1, 0x6f, 0x03, undefined, 'IPMB-A enabled, IPMB-B enabled'],
  ];
  it.each(cases)('sensor type 0x%s ert %s offset %s data2 %s → %s', (st, ert, off, d2, text) => {
    expect(eventText(st, ert, off, d2)).toBe(text);
  });

  it('has text for every offset of every generic type 0x02-0x0C (spec table 42-2 sizes)', () => {
    const sizes: Record<number, number> = {
      2: 3,
      3: 2,
      4: 2,
      5: 2,
      6: 2,
      7: 9,
      8: 2,
      9: 2,
      10: 9,
      11: 8,
      12: 4,
    };
    for (const [type, n] of Object.entries(sizes)) {
      for (let o = 0; o < n; o++)
        expect(eventText(0, Number(type), o), `type ${type} offset ${o}`).toBeTypeOf('string');
      expect(eventText(0, Number(type), n)).toBeUndefined();
    }
  });

  it('has a sensor-specific table for every sensor type of table 42-3 that defines offsets', () => {
    const defined = [
      0x05, 0x06, 0x07, 0x08, 0x09, 0x0c, 0x0d, 0x0f, 0x10, 0x11, 0x12, 0x13, 0x14, 0x19, 0x1b, 0x1d, 0x1e,
      0x1f, 0x20, 0x21, 0x22, 0x23, 0x24, 0x25, 0x27, 0x28, 0x29, 0x2b, 0x2c,
    ];
    for (const t of defined)
      expect(stateEntries(t, 0x6f).length, `sensor type 0x${t.toString(16)}`).toBeGreaterThan(0);
    // types whose states are all OEM or none in the spec
    for (const t of [
      0x01, 0x02, 0x03, 0x04, 0x0a, 0x0b, 0x0e, 0x15, 0x16, 0x17, 0x18, 0x1a, 0x1c, 0x26, 0x2a,
    ])
      expect(stateEntries(t, 0x6f)).toEqual([]);
  });
});

describe('assertedStates', () => {
  it('renders the LAB PSU1 Status reading (state 0x01 → Presence detected; §11.8)', () => {
    expect(assertedStates(0x08, 0x6f, 0x01, 0x00)).toEqual(['Presence detected']);
  });
  it('uses offsets 8-14 from the second state byte and ignores its bit 7', () => {
    expect(assertedStates(0x07, 0x6f, 0x00, 0x01 | 0x04 | 0x80)).toEqual(['Disabled', 'Throttled']);
    expect(assertedStates(0x07, 0x6f, 0x81, 0x10)).toEqual([
      'IERR',
      'Presence detected',
      'Correctable machine check error',
    ]);
  });
  it('skips data-2-specific texts', () => {
    expect(assertedStates(0x0f, 0x6f, 0x07, 0)).toEqual([
      'Unknown Error',
      'Unknown Hang',
      'Unknown Progress',
    ]);
  });
  it('never throws and returns only known texts for any input', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 255 }),
        fc.integer({ min: 0, max: 255 }),
        fc.integer(),
        fc.integer(),
        (st, ert, s1, s2) => {
          const all = new Set(stateEntries(st, ert).map((e) => e[1]));
          for (const t of assertedStates(st, ert, s1, s2)) expect(all.has(t)).toBe(true);
        },
      ),
    );
  });
});

describe('eventReadingTypeKind', () => {
  it.each([
    [0x00, 'unspecified'],
    [0x01, 'threshold'],
    [0x02, 'generic'],
    [0x0c, 'generic'],
    [0x0d, 'reserved'],
    [0x6f, 'sensor-specific'],
    [0x70, 'oem'],
    [0x7f, 'oem'],
    [0x80, 'reserved'],
  ] as const)('0x%s → %s', (code, kind) => expect(eventReadingTypeKind(code)).toBe(kind));
});
