import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  parseSelTime,
  resolveTimeZone,
  timestampDate,
  timestampNumeric,
  timestampString,
  timestampTime,
} from './ipmi-time';

// Expected strings: ipmitool 1.8.19 with TZ set as named (LAB captures, research notes §11.9/§11.10).
describe('ipmitool timestamps', () => {
  const T = 0x5f5e1000; // 2020-09-13 12:26:40 UTC

  it('formats in UTC', () => {
    expect(timestampNumeric(T, { tz: 'UTC' })).toBe('09/13/20 12:26:40 UTC');
    expect(timestampDate(T, { tz: 'UTC' })).toBe('09/13/20');
    expect(timestampTime(T, { tz: 'UTC' })).toBe('12:26:40 UTC');
    // FRU board date 2020-01-01 00:00 UTC: strftime %c pads the day with a space
    expect(timestampString(1577836800, { tz: 'UTC' })).toBe('Wed Jan  1 00:00:00 2020 UTC');
  });

  it('formats in the local time of TZ', () => {
    expect(timestampNumeric(T, { tz: 'America/New_York' })).toBe('09/13/20 08:26:40 EDT');
    expect(timestampNumeric(T, { tz: ':Asia/Tokyo' })).toMatch(/^09\/13\/20 21:26:40 /);
  });

  it('shows special timestamps relative to BMC start, and the unspecified one as such', () => {
    expect(timestampNumeric(5373, { tz: 'America/New_York' })).toBe('S+ 01:29:33');
    expect(timestampDate(5373)).toBe('S+ 70/001');
    expect(timestampTime(5373)).toBe('01:29:33 GMT');
    expect(timestampNumeric(0xffffffff)).toBe('Unspecified');
  });

  it('treats UTC spellings and unknown zones as UTC', () => {
    expect(resolveTimeZone('UTC0')).toBe('UTC');
    expect(resolveTimeZone('')).toBe('UTC');
    expect(resolveTimeZone('Not/AZone')).toBe('UTC');
    expect(resolveTimeZone(undefined)).toBeUndefined();
  });
});

describe('parseSelTime', () => {
  it('reads MM/DD/YY and MM/DD/YYYY as local time of TZ', () => {
    expect(parseSelTime('12/01/21 10:00:00', { tz: 'UTC' })).toBe(Date.UTC(2021, 11, 1, 10) / 1000);
    expect(parseSelTime('12/01/2021 10:00:00', { tz: 'UTC' })).toBe(Date.UTC(2021, 11, 1, 10) / 1000);
    expect(parseSelTime('09/13/2020 08:26:40', { tz: 'America/New_York' })).toBe(0x5f5e1000);
  });

  it('rejects what strptime would not take', () => {
    for (const bad of ['garbage', '13/01/21 10:00:00', '12/01/21', '12/01/21 25:00:00', ''])
      expect(parseSelTime(bad, { tz: 'UTC' })).toBeUndefined();
  });

  it('round-trips with the printed form for any time', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0x20000000, max: 0x7fffffff }), (t) => {
        const text = timestampNumeric(t, { tz: 'UTC' }).replace(/ UTC$/, '');
        const [d, tm] = text.split(' ');
        const [m, day, yy] = d!.split('/');
        const year = Number(yy) < 69 ? 2000 + Number(yy) : 1900 + Number(yy);
        expect(parseSelTime(`${m}/${day}/${year} ${tm}`, { tz: 'UTC' })).toBe(t);
      }),
    );
  });
});
