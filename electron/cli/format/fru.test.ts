import { describe, expect, it } from 'vitest';
import { formatFruInventory, ipmitoolFieldText } from './fru';
import { decodeFruInventory } from '../../ipmi/decode/fru/fru-inventory-data';
import { FRU_VECTOR } from '../../ipmi/decode/fru/fru-vector';
import { fromHex } from '../../ipmi/wire/hex';
import { readField } from '../../ipmi/decode/fru/type-length';

// ipmitool 1.8.19 `fru print 0` (and `-v fru print 0`) for the §11.10 vector, TZ=UTC (LAB capture).
const IPMITOOL_PRINT = [
  ' Chassis Type          : Rack Mount Chassis',
  ' Chassis Part Number   : CP-01',
  ' Chassis Serial        : CS1234',
  ' Board Mfg Date        : Wed Jan  1 00:00:00 2020 UTC',
  ' Board Mfg             : ACME',
  ' Board Product         : IPMI BRD',
  ' Board Serial          : 1234-5',
  ' Board Part Number     : PN-42',
  ' Product Manufacturer  : ACME',
  ' Product Name          : Widget Server',
  ' Product Part Number   : WS-1',
  ' Product Version       : A1',
  ' Product Serial        : SN0001',
  ' Product Asset Tag     : ASSET42',
  ' Product Extra         : Custom1',
];
const IPMITOOL_MULTI = [
  ' DC Output Record',
  '  Output Number              : 1',
  '  Standby power              : No',
  '  Nominal voltage            : 12.00 V',
  '  Max negative deviation     : 11.40 V',
  '  Max positive deviation     : 12.60 V',
  '  Ripple and noise pk-pk     : 50 mV',
  '  Minimum current draw       : 0.000 A',
  '  Maximum current draw       : 10.000 A',
];

describe('fru print text', () => {
  it('matches ipmitool for the LAB vector', () => {
    expect(formatFruInventory(decodeFruInventory(FRU_VECTOR), { tz: 'UTC' })).toBe(
      IPMITOOL_PRINT.join('\n') + '\n',
    );
  });

  it('adds the multi-record area with -v, as ipmitool does', () => {
    expect(formatFruInventory(decodeFruInventory(FRU_VECTOR), { tz: 'UTC', verbose: 1 })).toBe(
      [...IPMITOOL_PRINT, ...IPMITOOL_MULTI].join('\n') + '\n',
    );
  });

  it('prints an unspecified board date and unknown chassis types as ipmitool does', () => {
    const v = Uint8Array.from(FRU_VECTOR);
    v[10] = 0x40; // chassis type beyond the table
    v[35] = v[36] = v[37] = 0; // board date 0 = unspecified
    const text = formatFruInventory(decodeFruInventory(v), { tz: 'UTC' });
    expect(text).toContain(' Chassis Type          : Unknown\n');
    expect(text).toContain(' Board Mfg Date        : Unspecified\n');
  });

  it("renders fields with ipmitool's quirks", () => {
    // 6-bit ASCII of 4 bytes: ipmitool decodes two whole 3-byte groups, the second zero-padded, so
    // 80 00 00 adds 0x00 0x02 0x00 0x00 -> ' ' '"' ' ' ' ' where we stop after the 5 whole characters
    const f = readField(fromHex('84 29dca680'), 0)!.field;
    expect(f.text).toBe('IPMI ');
    expect(ipmitoolFieldText(f)).toBe('IPMI "  ');
    // C strings end at NUL
    expect(ipmitoolFieldText(readField(fromHex('c4 41004242'), 0)!.field)).toBe('A');
  });
});
