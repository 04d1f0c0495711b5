import { describe, expect, it } from 'vitest';
import { fixed, manufacturingDate } from './fru-format';

describe('FRU formatting', () => {
  it('a manufacturing date in each language, in UTC as the FRU stores it', () => {
    expect(manufacturingDate('en', '2020-01-01T00:00:00.000Z')).toBe('January 1, 2020 at 00:00 UTC');
    expect(manufacturingDate('zh-CN', '2020-01-01T00:00:00.000Z')).toBe('2020年1月1日 00:00 UTC');
  });
  it('fixed decimals as ipmitool prints record values', () => {
    expect(fixed('en', 2)(12)).toBe('12.00');
    expect(fixed('en', 3)(10)).toBe('10.000');
  });
});
