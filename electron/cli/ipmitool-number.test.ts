// ipmitool's number parsing (strtoul/strtol base 0, the whole argument), known answers.
import { describe, expect, it } from 'vitest';
import { parseIpmitoolInt, parseIpmitoolUint } from './ipmitool-number';

describe('parseIpmitoolInt (str2int)', () => {
  it.each([
    ['623', 623],
    ['0x26f', 623],
    ['01157', 623],
    ['0', 0],
    ['-5', -5],
    ['+7', 7],
    ['  12', 12],
    ['2147483647', 2147483647],
    ['-2147483648', -2147483648],
  ])('%j is %d', (text, n) => expect(parseIpmitoolInt(text)).toBe(n));

  it.each(['', '12a', '08', '0x', '1 ', '2147483648', '-2147483649', '1.5'])('%j is refused', (text) =>
    expect(parseIpmitoolInt(text)).toBeUndefined(),
  );
});

describe('parseIpmitoolUint', () => {
  it('keeps its bound and refuses a sign', () => {
    expect(parseIpmitoolUint('0xff', 255)).toBe(255);
    expect(parseIpmitoolUint('256', 255)).toBeUndefined();
    expect(parseIpmitoolUint('-1', 255)).toBeUndefined();
  });
});
