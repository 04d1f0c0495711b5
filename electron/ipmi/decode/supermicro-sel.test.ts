// Known answers for ipmitool 1.8.19's Supermicro SEL texts (lib/ipmi_sel.c get_supermicro_evt_desc),
// worked out from its format strings; the Brickland and X10QRH cases are also checked against ipmitool
// itself in e2e/parity/sel-event-pyghmi.test.ts.
import { describe, expect, it } from 'vitest';
import { dimmScheme, isSupermicro, supermicroDimm, supermicroSuffix, withOemSuffix } from './supermicro-sel';
import { decodeBoardId } from '../commands/oem/supermicro/get-board-id';
import type { SystemEventRecord } from './sel-record';

const ev = (sensorType: number, eventType: number, data: [number, number, number]): SystemEventRecord => ({
  kind: 'system',
  recordId: 1,
  recordType: 2,
  timestamp: 0,
  generatorId: 0x20,
  evmRevision: 4,
  sensorType,
  sensorNumber: 0x53,
  deassertion: false,
  eventType,
  eventData: data,
});

describe('Supermicro SEL descriptions', () => {
  it('both Supermicro enterprise numbers', () => {
    expect([isSupermicro(10876), isSupermicro(47488), isSupermicro(674)]).toEqual([true, true, false]);
  });

  it('board ID: two bytes, little-endian', () => {
    expect(decodeBoardId(Uint8Array.of(0x72, 0x08))).toBe(0x0872);
    expect(() => decodeBoardId(Uint8Array.of(0x72))).toThrow(/Get Board ID/);
  });

  it.each([
    [0x0001, 0], // X8 list
    [0x8080, 0], // older
    [0x0841, 1], // Romely
    [0x0635, 2], // X9
    [0x0726, 3], // Brickland
    [0x0872, 4], // X10QRH
    [0x0853, 4], // X10QBL
    [0x0923, 5], // X10OBi
    [0x1234, 4], // unknown boards: ipmitool's default
  ])('board %i uses DIMM scheme %d', (board, scheme) => {
    expect(dimmScheme(board)).toBe(scheme);
  });

  it.each([
    [0x0001, 0x0a, 0x01, '@DIMM A(CPU2)'], // "%2X": space-padded upper-case hex
    [0x0841, 0x21, 0x01, '@DIMMF((CPU2)'], // 'A'+4*cpu bank
    [0x0635, 0x21, 0x01, '@DIMME((CPU2)'],
    [0x0726, 0x21, 0x01, '@DIMMB-8(P2M1)'], // slot digit can go negative, as in ipmitool
    [0x0726, 0x5a, 0x02, '@DIMME1(P3M2)'],
    [0x0872, 0x21, 0x01, '@DIMMB((CPU2)'],
    [0x0923, 0x21, 0x06, '@DIMMB((CPU7)'], // three CPU bits
  ])('board %i, data2 %i data3 %i: %s', (board, d2, d3, want) => {
    expect(supermicroDimm(board, d2, d3)).toBe(want);
  });

  it('suffixes: DIMM for memory (none without a board ID), reset kinds for 0xD0, else empty', () => {
    expect(supermicroSuffix(ev(0x0c, 0x6f, [0, 0x21, 1]), 0x0872)).toBe('@DIMMB((CPU2)');
    expect(supermicroSuffix(ev(0x0c, 0x6f, [0, 0x21, 1]), undefined)).toBeUndefined();
    expect(supermicroSuffix(ev(0x0c, 0x6f, [0, 0x21, 1]), 0)).toBeUndefined();
    expect(supermicroSuffix(ev(0xd0, 0x6f, [0x80, 1, 0xff]), undefined)).toBe('BMC cold reset');
    expect(supermicroSuffix(ev(0xd0, 0x6f, [0x80, 7, 0xff]), undefined)).toBe('');
    expect(supermicroSuffix(ev(0xd0, 0x6f, [0x81, 1, 0xff]), undefined)).toBe('');
    expect(supermicroSuffix(ev(0x08, 0x6f, [0, 0xff, 0xff]), undefined)).toBe('');
    expect(supermicroSuffix(ev(0x01, 0x01, [9, 0xff, 0xff]), undefined)).toBeUndefined();
  });

  it('how the suffix joins the text: "(…)", bare for 0xD0, and only some sensor types without a text', () => {
    const psu = ev(0x08, 0x6f, [0, 0xff, 0xff]);
    expect(withOemSuffix(psu, 'Presence detected', '')).toBe('Presence detected ()');
    expect(withOemSuffix(psu, 'Presence detected', undefined)).toBe('Presence detected');
    expect(withOemSuffix(ev(0xd0, 0x6f, [0x80, 2, 0xff]), undefined, 'BMC warm reset')).toBe(
      'BMC warm reset',
    );
    expect(withOemSuffix(ev(0x0f, 0x6f, [0x0f, 0, 0]), undefined, '')).toBe('()');
    expect(withOemSuffix(ev(0x0f, 0x6f, [0x0e, 0, 0]), undefined, '')).toBeUndefined();
    expect(withOemSuffix(ev(0xc2, 0x6f, [0x02, 0, 0]), undefined, 'x')).toBe('(x)');
    expect(withOemSuffix(ev(0x30, 0x6f, [0x00, 0, 0]), undefined, '')).toBeUndefined();
  });
});
