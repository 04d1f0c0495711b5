import { describe, expect, it } from 'vitest';
import { unitName, unitString, UNIT_NAMES } from './units';

// Expected strings: ipmitool 1.8.19 output on the lab (`sdr list`: "degrees C", "Volts", "RPM",
// "Watts") and its lib/ipmi_sdr.c unit table / ipmi_sdr_get_unit_string for the combinations.
describe('unitString', () => {
  it.each([
    [false, 0, 1, 0, 'degrees C'],
    [false, 0, 4, 0, 'Volts'],
    [false, 0, 18, 0, 'RPM'],
    [false, 0, 6, 0, 'Watts'],
    [true, 0, 0, 0, 'percent'],
    [true, 0, 4, 0, '% Volts'],
    [false, 1, 17, 23, 'CFM/minute'],
    [false, 2, 5, 24, 'Amps*hour'],
    [true, 1, 70, 22, '% byte/second'],
    [false, 0, 92, 0, 'grams'],
    [false, 0, 93, 0, 'invalid'],
    [false, 3, 1, 0, 'degrees C'], // reserved relation prints like "none"
  ] as const)('pct %s rel %s base %s mod %s → %s', (pct, rel, base, mod, want) =>
    expect(unitString(pct, rel, base, mod)).toBe(want),
  );
  it('has all 93 unit codes of table 43-15', () => {
    expect(UNIT_NAMES).toHaveLength(93);
    expect(unitName(65)).toBe('color temp deg K');
    expect(unitName(59)).toBe('reserved');
  });
});
